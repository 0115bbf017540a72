"""Helpers shared by the test modules, each defined once.

- `data`: where the test data lives, fresh copies of it, and small edits to it;
- `cli`: running kieumau, in-process (`invoke`) or as a real process (`run_kieumau`);
- `git`: throwaway git repositories with dated commits;
- `golden`: comparing output with tests/golden/;
- `html`: HTML parsed by a real HTML5 parser, and what every HTML document promises;
- `editing`: what the editing commands must (not) leave behind;
- `site`: building the static site and reading its pages.
"""
