"""Inspecting an API without generating it: `review` (what the client exposes, and what a
reviewer should look at) and `diff` (what a spec change does to the client).

Both work from the IR; source_text.py is their only reader of Python source in it, and
wording.py how both word their output.
"""
