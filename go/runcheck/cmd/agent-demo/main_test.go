package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// The demo on the bundled tasks, against golden output whose fire times
// were checked independently (Python's zoneinfo): New York's 02:30 on the
// spring-forward day runs at 03:00 EDT; Lord Howe's skipped 02:15 runs at
// 02:30 (+11) once, then 02:15 again.
func TestBundledTasks(t *testing.T) {
	for _, c := range []struct {
		args   []string
		golden string
	}{
		{[]string{"testdata/new-york-dst.json"}, "testdata/new-york-dst.out"},
		{[]string{"-zone", "Australia/Lord_Howe", "testdata/lord-howe-powershell.json"},
			"testdata/lord-howe-powershell.out"},
	} {
		var out bytes.Buffer
		if err := run(c.args, &out); err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		want, err := os.ReadFile(c.golden)
		if err != nil {
			t.Fatal(err)
		}
		if out.String() != string(want) {
			t.Errorf("%v:\n got: %s\nwant: %s", c.args, out.String(), want)
		}
	}
}

func TestSpotChecks(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"testdata/new-york-dst.json"}, &out); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{
		"2026-03-08 03:00:00 EDT  (2026-03-08T07:00:00Z)", // the gap's end
		`echo "Hello \$(reboot)" on 'i-bp1'`,              // literal, never run
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
}

func TestBadTasks(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := dir + "/" + name
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, body := range []string{
		`{"taskID": "x", "commandType": "RunShellScript", "cron": "0 0 25 * * ?", "timeOut": "60"}`,
		`{"taskID": "x", "commandType": "RunShellScript", "cron": "0 0 1 * * ?", "timeOut": "soon"}`,
		`{"taskID": "x", "commandType": "RunPerlScript", "cron": "0 0 1 * * ?", "timeOut": "60"}`,
		`{"taskID": "x", "commandType": "RunShellScript", "cron": "0 0 1 * * ?", "timeOut": "60", "commandContent": "!!"}`,
		`not json`,
	} {
		if err := run([]string{write("t.json", body)}, &bytes.Buffer{}); err == nil {
			t.Errorf("accepted %s", body)
		}
	}
	if err := run(nil, &bytes.Buffer{}); err == nil {
		t.Error("no arguments accepted")
	}
}
