"""standing: replay dated facts about social-media accounts and ask what
their standing was at any instant."""
