from kieumau_cli.cli import program

program()
