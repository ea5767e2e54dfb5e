from postlint.command import main

main()
