from .cli import collect_less_often, main

collect_less_often()
raise SystemExit(main())
