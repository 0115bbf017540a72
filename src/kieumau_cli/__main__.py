from kieumau_cli.cli import main

main()
