module runcheck.example/runcheck

go 1.19
