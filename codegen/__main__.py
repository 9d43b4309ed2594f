"""`python -m codegen`: regenerate, check or compare the generated package."""

from codegen._cli import main

raise SystemExit(main())
