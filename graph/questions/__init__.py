"""The member's medical-history interview: the question bank's shapes, planning, answer checking, follow-ups."""
