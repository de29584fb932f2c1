"""The write side of `standing`: accounts, their events and the rules between them."""
