from vbgraph.cli import main

raise SystemExit(main())
