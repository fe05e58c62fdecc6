from kohtaanto.config.cli import main

main()
