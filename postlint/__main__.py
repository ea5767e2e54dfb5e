from postlint.replay import run

run()
