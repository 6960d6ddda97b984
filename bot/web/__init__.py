"""The member's web channel: a Chainlit app over the interview, and the widget a patient portal embeds."""
