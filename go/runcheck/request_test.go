package runcheck

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestValidateRequestValid(t *testing.T) {
	req := "RegionId=cn-hangzhou&Type=RunShellScript&CommandContent=echo+1&InstanceId.1=i-a" +
		"&RepeatMode=Period&Frequency=0+0+12+*+*+%3F&Timeout=120"
	v, err := ValidateRequest([]byte(req), RequestOptions{Now: time.Unix(1798761600, 0)})
	if err != nil || !v.Valid() {
		t.Fatalf("ValidateRequest = %+v, %v", v, err)
	}
	if v.RepeatMode != "Period" || v.Timeout != 120*time.Second || v.AgentLinux != "" {
		t.Fatalf("effective values %+v", v)
	}
	if v.Schedule == nil {
		t.Fatal("no schedule")
	}
	defer v.Schedule.Close()
	if n, _ := v.Schedule.Next(time.Unix(1798761600, 0)); n.Unix() != 1798761600+12*3600 {
		t.Fatalf("Next = %v", n)
	}
}

// Violations come in the API's order: the parameter table's (SPEC 2.3).
// A rate Frequency is anchored on Now when Created is not given.
func TestValidateRequestRateAnchor(t *testing.T) {
	now := time.Unix(1798761630, 0)
	req := "RegionId=cn-hangzhou&Type=RunShellScript&CommandContent=echo+1&InstanceId.1=i-a" +
		"&RepeatMode=Period&Frequency=rate(5m)"
	v, err := ValidateRequest([]byte(req), RequestOptions{Now: now})
	if err != nil || !v.Valid() || v.Schedule == nil {
		t.Fatalf("ValidateRequest = %+v, %v", v, err)
	}
	defer v.Schedule.Close()
	if n, _ := v.Schedule.Next(now); n.Unix() != now.Unix()+300 {
		t.Fatalf("Next = %v, want now + 5 min", n)
	}
}

func TestValidateRequestViolationsInOrder(t *testing.T) {
	req := `{"RegionId": "cn-hangzhou", "Type": "RunPerlScript", "CommandContent": "echo 1",` +
		` "InstanceId": ["i-a"], "Timeout": "abc", "Frequency": "0 0 25 * * ?", "RepeatMode": "Period"}`
	v, err := ValidateRequest([]byte(req), RequestOptions{Now: time.Unix(1798761600, 0)})
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, x := range v.Violations {
		codes = append(codes, x.Field+":"+x.Code)
	}
	want := []string{"Type:InvalidCmdType.NotFound", "Timeout:InvalidParameter.Timeout",
		"Frequency:InvalidParam.Frequency"}
	if fmt.Sprint(codes) != fmt.Sprint(want) {
		t.Fatalf("violations %v, want %v", codes, want)
	}
	if f := v.Violations[2]; !f.HasSpan || f.Offset != 4 || f.Length != 2 {
		t.Fatalf("Frequency span %+v", f)
	}
	ff, _ := ValidateRequest([]byte(req), RequestOptions{Now: time.Unix(1798761600, 0), FailFast: true})
	if len(ff.Violations) != 1 || ff.Violations[0].Code != "InvalidCmdType.NotFound" {
		t.Fatalf("fail-fast %+v", ff.Violations)
	}
}

func TestValidateRequestMalformed(t *testing.T) {
	v, err := ValidateRequest([]byte("RegionId=cn-hangzhou&Name=%ZZ"), RequestOptions{})
	if err != nil || v.Valid() || v.Violations[0].Code != "InvalidRequest.Malformed" ||
		v.Violations[0].Offset != 26 {
		t.Fatalf("verdict %+v, %v", v, err)
	}
	if _, err := ValidateRequest(nil, RequestOptions{DefaultZone: "Nowhere/Nothing"}); err == nil {
		t.Fatal("a bad zone was accepted")
	}
}

// Every action of the family: its own rules, codes and messages.
func TestValidateRequestActions(t *testing.T) {
	opts := RequestOptions{Now: time.Unix(1798761600, 0)}
	v, err := ValidateRequest([]byte("Action=SendFile&RegionId=r&Name=a&TargetDir=/tmp&Content=x&FileMode=999&InstanceId.1=i"), opts)
	if err != nil || v.Action != "SendFile" || len(v.Violations) != 1 ||
		v.Violations[0].Code != "FileMode.Invalid" || v.Violations[0].Offset != 0 {
		t.Fatalf("SendFile verdict %+v, %v", v, err)
	}
	if v.AgentLinux != "1.0.2.569" || v.AgentWindows != "1.0.0.149" {
		t.Fatalf("SendFile agent %q %q", v.AgentLinux, v.AgentWindows)
	}
	opts.Action = "ModifyInvocationAttribute"
	v, err = ValidateRequest([]byte(`{"RegionId": "r", "InvokeId": "t", "Frequency": "0 0 25 * * ?"}`), opts)
	if err != nil || v.Action != "ModifyInvocationAttribute" || len(v.Violations) != 1 ||
		v.Violations[0].Code != "InvalidParameter.Frequency" || v.Violations[0].HTTPStatus != 400 {
		t.Fatalf("ModifyInvocationAttribute verdict %+v, %v", v, err)
	}
	v, _ = ValidateRequest([]byte("Action=StopInvocation&RegionId=r&InvokeId=t"), opts)
	if v.Valid() || v.Violations[0].Code != "InvalidRequest.Malformed" || v.Violations[0].Offset != 7 {
		t.Fatalf("a request for another action %+v", v)
	}
	v, _ = ValidateRequest([]byte("Action=Nope"), RequestOptions{})
	if v.Action != "" || v.Violations[0].Code != "InvalidAction.NotFound" {
		t.Fatalf("an unknown action %+v", v)
	}
	if _, err := ValidateRequest(nil, RequestOptions{Action: "Nope"}); err == nil {
		t.Fatal("an unknown caller's action was accepted")
	}
}

// Hostile values arrive literal, or the placeholder is refused.
func TestRenderHostileValues(t *testing.T) {
	got, err := Render("echo \"Hello {{name}}\"\n", `{"name": "$(id)`+"`id`"+`"}`, "", QuotePOSIX)
	if err != nil || got != "echo \"Hello \\$(id)\\`id\\`\"\n" {
		t.Fatalf("Render = %q, %v", got, err)
	}
	got, err = Render("echo {{name}}", `{"name": "a'b; rm -rf /"}`, "", QuotePOSIX)
	if err != nil || got != `echo 'a'\''b; rm -rf /'` {
		t.Fatalf("Render bare = %q, %v", got, err)
	}
	_, err = Render("x=${{v}}\n", `{"v": "x"}`, "", QuotePOSIX)
	var re *RenderError
	if !errors.As(err, &re) || re.Kind != 3 || re.Offset != 3 || re.Length != 5 {
		t.Fatalf("Render after $ = %v", err)
	}
	got, err = Render("Write-Output \"{{v}}\"", `{"v": "$env:PATH`+"`"+`"}`, "", QuotePowerShell)
	if err != nil || got != "Write-Output \"`$env:PATH``\"" {
		t.Fatalf("Render PowerShell = %q, %v", got, err)
	}
	got, err = Render("echo {{ACS::InstanceId}}", "", `{"InstanceId": "i-1"}`, QuotePOSIX)
	if err != nil || got != "echo 'i-1'" {
		t.Fatalf("Render built-in = %q, %v", got, err)
	}
	if _, err := Render("echo {{v}}", "[1]", "", QuotePOSIX); !errors.As(err, &re) || len(re.Violations) == 0 {
		t.Fatalf("Render with bad Parameters = %v", err)
	}
}

func ExampleRender() {
	script, err := Render(`echo "Hello {{name}}"`, `{"name": "$(reboot)"}`, "", QuotePOSIX)
	fmt.Println(script, err)
	// Output: echo "Hello \$(reboot)" <nil>
}

func ExampleValidateRequest() {
	v, _ := ValidateRequest([]byte("RegionId=cn-hangzhou&Type=RunShellScript&InstanceId.1=i-a"),
		RequestOptions{Now: time.Unix(1798761600, 0)})
	for _, x := range v.Violations {
		fmt.Println(x.Code, x.HTTPStatus)
	}
	// Output: MissingParameter.CommandContent 400
}

func ExampleValidateRequest_action() {
	v, _ := ValidateRequest([]byte("RegionId=cn-hangzhou&InvokeId=t-1&InstanceId.1="),
		RequestOptions{Action: "StopInvocation"})
	fmt.Println(v.Action, v.Violations[0].Code, v.Violations[0].Field)
	// Output: StopInvocation MissingParam.InstanceId InstanceId.1
}
