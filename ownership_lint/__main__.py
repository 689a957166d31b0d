from ownership_lint.cli import main

main()
