#!/usr/bin/env python3
"""put-section.py FILE SECTION.md: put the section (whose first line is a
'## Title: ...' heading) into FILE, replacing the section with the same title
before the colon (where it stands), so that each benchmark script owns one
section."""
import os
import re
import sys

path, section_file = sys.argv[1], sys.argv[2]
section = open(section_file).read().strip() + "\n"
title = section.splitlines()[0].split(":")[0]
head = "# Benchmarks\n\nFigures measured by the project's own scripts (`make bench`); each section says when, where and how.\n"
text = open(path).read() if os.path.exists(path) else head
# In place where the section is already, so that the sections that refer to
# it ("the table above") keep their order; at the end where it is new.
old = re.compile(re.escape(title) + r":.*?(?=\n## |\Z)", flags=re.S)
if old.search(text):
    text = old.sub(lambda _: section.rstrip("\n") + "\n", text, count=1)
else:
    text = text.rstrip() + "\n\n" + section
open(path, "w").write(text)
