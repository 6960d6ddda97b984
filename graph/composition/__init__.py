"""Writing the appeal letter: the facts it may use, the model prompt, the template letters, appeal rights."""
