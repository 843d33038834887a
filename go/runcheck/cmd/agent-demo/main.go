// Command agent-demo does with one task what the Cloud Assistant agent does:
// it reads a task JSON shaped like the agent's, computes the next five fires
// in the schedule's zone and prints the script rendered with the task's
// parameters, quoted for its command type.
//
//	agent-demo [-zone NAME] [-now RFC3339] TASK.json
//
// The task:
//
//	{"taskID": "t-1", "commandType": "RunShellScript", "cron": "0 30 2 * * ?",
//	 "timeOut": "60", "creationTime": 1772841600000,
//	 "commandContent": "<Base64>", "enableParameter": true,
//	 "parameters": {"name": "value"}, "builtins": {"InstanceId": "i-1"}}
//
// -zone is the instance's own zone, for a cron without a zone token (UTC by
// default); -now is when the task arrives (its creation time by default).
package main

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"runcheck.example/runcheck"
)

type task struct {
	TaskID          string            `json:"taskID"`
	CommandType     string            `json:"commandType"`
	Cron            string            `json:"cron"`
	TimeOut         string            `json:"timeOut"`
	CreationTime    int64             `json:"creationTime"` // Unix milliseconds
	CommandContent  string            `json:"commandContent"`
	EnableParameter bool              `json:"enableParameter"`
	Parameters      map[string]string `json:"parameters"`
	Builtins        map[string]string `json:"builtins"`
}

func quotingFor(commandType string) (runcheck.Quoting, string, error) {
	switch commandType {
	case "RunShellScript":
		return runcheck.QuotePOSIX, "posix shell", nil
	case "RunPowerShellScript":
		return runcheck.QuotePowerShell, "PowerShell", nil
	case "RunBatScript":
		return runcheck.QuoteCmd, "cmd", nil
	}
	return 0, "", fmt.Errorf("unknown commandType %q", commandType)
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("agent-demo", flag.ContinueOnError)
	fs.SetOutput(out)
	zone := fs.String("zone", "UTC", "the instance's zone, for a cron without a zone token")
	nowText := fs.String("now", "", "when the task arrives (RFC 3339; default: its creation time)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: agent-demo [-zone NAME] [-now RFC3339] TASK.json")
	}
	raw, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	var t task
	if err := json.Unmarshal(raw, &t); err != nil {
		return fmt.Errorf("task: %v", err)
	}
	created := time.UnixMilli(t.CreationTime).UTC()
	now := created
	if *nowText != "" {
		if now, err = time.Parse(time.RFC3339, *nowText); err != nil {
			return fmt.Errorf("-now: %v", err)
		}
	}
	timeout, err := strconv.ParseInt(t.TimeOut, 10, 64)
	if err != nil || timeout <= 0 {
		return fmt.Errorf("task %s: timeOut %q is not a positive number of seconds", t.TaskID, t.TimeOut)
	}
	quoting, quotingName, err := quotingFor(t.CommandType)
	if err != nil {
		return fmt.Errorf("task %s: %v", t.TaskID, err)
	}
	fmt.Fprintf(out, "task %s: %s, timeout %d s\n", t.TaskID, t.CommandType, timeout)

	s, err := runcheck.ParseFrequency(t.Cron, runcheck.Options{
		DefaultZone: *zone, Now: &now, Timeout: time.Duration(timeout) * time.Second,
		Created: &created})
	if err != nil {
		return fmt.Errorf("task %s: %v", t.TaskID, err)
	}
	defer s.Close()
	fmt.Fprintf(out, "schedule: %s (zone %s)\n", s, s.Zone())
	for _, w := range s.Warnings {
		fmt.Fprintf(out, "warning: %s\n", w.Detail)
	}
	loc, err := time.LoadLocation(s.Zone())
	if err != nil {
		loc = time.UTC // a GMT+H:MM zone: print UTC
	}
	fmt.Fprintf(out, "next 5 after %s:\n", now.Format(time.RFC3339))
	for _, f := range s.NextN(now, 5) {
		fmt.Fprintf(out, "  %s  (%s)\n", f.In(loc).Format("2006-01-02 15:04:05 MST"),
			f.Format(time.RFC3339))
	}

	content, err := base64.StdEncoding.DecodeString(t.CommandContent)
	if err != nil {
		return fmt.Errorf("task %s: commandContent is not Base64: %v", t.TaskID, err)
	}
	params, builtins := "", ""
	if t.EnableParameter && len(t.Parameters) > 0 {
		b, _ := json.Marshal(t.Parameters)
		params = string(b)
	}
	if len(t.Builtins) > 0 {
		b, _ := json.Marshal(t.Builtins)
		builtins = string(b)
	}
	if !t.EnableParameter {
		quoting = runcheck.QuoteRaw // no parameters: the content runs as written
	}
	script, err := runcheck.Render(string(content), params, builtins, quoting)
	if err != nil {
		return fmt.Errorf("task %s: %v", t.TaskID, err)
	}
	fmt.Fprintf(out, "script (%s):\n%s", quotingName, script)
	if len(script) == 0 || script[len(script)-1] != '\n' {
		fmt.Fprintln(out)
	}
	return nil
}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "agent-demo:", err)
		os.Exit(1)
	}
}
