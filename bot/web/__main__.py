import sys

from bot.web.launcher import main

sys.exit(main())
