package runcheck

/*
#include <stdlib.h>
#include "capi/runcheck.h"
*/
import "C"

import (
	"fmt"
	"runtime"
	"time"
	"unsafe"
)

// RequestOptions for ValidateRequest.
type RequestOptions struct {
	// The zone of a cron Frequency without a zone token; empty: UTC.
	DefaultZone string
	// The instant the Frequency's "in the future" rules compare with.
	Now time.Time
	// A rate Frequency's anchor; nil means Now.
	Created *time.Time
	// Gap* and Overlap* values; zero is by class.
	Gap, Overlap int
	// Stop at the first violation (the API's answer).
	FailFast bool
	// The action a request without its own Action is for ("SendFile", ...);
	// empty: RunCommand. A request naming another action is
	// InvalidRequest.Malformed.
	Action string
}

// Verdict is what ValidateRequest found in a request.
type Verdict struct {
	// The action the request was validated as; empty when it named one
	// runcheck does not know (InvalidAction.NotFound).
	Action     string
	Violations []Violation // in the action's order; empty when valid
	Warnings   []Warning
	RepeatMode string        // with defaults applied
	Timeout    time.Duration // with defaults applied
	// The oldest agent that runs the request as sent; empty: any.
	AgentLinux, AgentWindows string
	// The request's schedule, when its Frequency is valid (else nil).
	Schedule *Schedule
}

// Valid reports whether the request has no violation.
func (v *Verdict) Valid() bool { return len(v.Violations) == 0 }

// ValidateRequest decodes (query or JSON form, detected) and validates a
// request of any action of the command API family with that action's rules,
// codes and messages (its own Action, else opts.Action, else RunCommand).
// The error is for bad options only; a bad request is a Verdict with
// violations.
func ValidateRequest(request []byte, opts RequestOptions) (*Verdict, error) {
	var o C.runcheck_request_options
	C.runcheck_request_options_init(&o)
	zone, zoneLen := cString(opts.DefaultZone)
	defer C.free(unsafe.Pointer(zone))
	o.default_zone, o.default_zone_length = zone, zoneLen
	o.now = C.int64_t(opts.Now.Unix())
	if opts.Created != nil {
		o.has_created, o.created = 1, C.int64_t(opts.Created.Unix())
	}
	o.dst_gap, o.dst_overlap = C.int(opts.Gap), C.int(opts.Overlap)
	if opts.FailFast {
		o.fail_fast = 1
	}
	action, actionLen := cString(opts.Action)
	defer C.free(unsafe.Pointer(action))
	o.action, o.action_length = action, actionLen
	text, textLen := cBytes(request)
	defer C.free(unsafe.Pointer(text))
	v := C.runcheck_request_validate(text, textLen, &o)
	if v == nil {
		return nil, fmt.Errorf("runcheck: bad request options (zone %q, action %q or DST policy)",
			opts.DefaultZone, opts.Action)
	}
	defer C.runcheck_verdict_free(v)
	out := &Verdict{}
	out.Violations, out.Warnings = findings(C.runcheck_verdict_findings(v))
	var data *C.char
	var length C.size_t
	C.runcheck_verdict_action(v, &data, &length)
	out.Action = goString(data, length)
	C.runcheck_verdict_repeat_mode(v, &data, &length)
	out.RepeatMode = goString(data, length)
	out.Timeout = time.Duration(C.runcheck_verdict_timeout_seconds(v)) * time.Second
	var lx, win *C.char
	var lxLen, winLen C.size_t
	C.runcheck_verdict_agent(v, &lx, &lxLen, &win, &winLen)
	out.AgentLinux, out.AgentWindows = goString(lx, lxLen), goString(win, winLen)
	if s := C.runcheck_schedule_copy(C.runcheck_verdict_schedule(v)); s != nil {
		out.Schedule = &Schedule{p: s}
		runtime.SetFinalizer(out.Schedule, (*Schedule).Close)
	}
	return out, nil
}

// Quoting modes for Render.
type Quoting int

const (
	QuoteRaw        Quoting = C.RUNCHECK_QUOTING_RAW // the API's own: no quoting, unsafe
	QuotePOSIX      Quoting = C.RUNCHECK_QUOTING_POSIX
	QuotePowerShell Quoting = C.RUNCHECK_QUOTING_POWERSHELL
	QuoteCmd        Quoting = C.RUNCHECK_QUOTING_CMD
)

// RenderError is a placeholder that could not be rendered, or a template or
// Parameters with violations.
type RenderError struct {
	Kind       int // RUNCHECK_RENDER_*: 0 unsafe value, 1 missing built-in, 2 unresolved reference, 3 unsafe context
	Offset     int // the placeholder, bytes into the content
	Length     int
	Detail     string
	Violations []Violation // when the template or the Parameters are invalid
}

func (e *RenderError) Error() string {
	if len(e.Violations) > 0 {
		return fmt.Sprintf("runcheck: %s: %s", e.Violations[0].Code, e.Violations[0].Detail)
	}
	return fmt.Sprintf("runcheck: placeholder at byte %d refused: %s", e.Offset, e.Detail)
}

// Render fills the {{...}} placeholders of content as the agent does:
// parameters is the request's Parameters JSON object, builtins the values of
// {{ACS::Name}} ({"InstanceId": "i-1"}); either may be empty. Each value
// becomes literal text where it stands, or the placeholder is refused.
func Render(content, parameters, builtins string, quoting Quoting) (string, error) {
	c, cLen := cString(content)
	defer C.free(unsafe.Pointer(c))
	p, pLen := cString(parameters)
	defer C.free(unsafe.Pointer(p))
	b, bLen := cString(builtins)
	defer C.free(unsafe.Pointer(b))
	r := C.runcheck_render(c, cLen, p, pLen, b, bLen, C.int(quoting))
	if r == nil {
		return "", fmt.Errorf("runcheck: bad quoting %d", quoting)
	}
	defer C.runcheck_rendering_free(r)
	var data *C.char
	var length C.size_t
	if C.runcheck_rendering_script(r, &data, &length) == C.RUNCHECK_OK {
		return goString(data, length), nil
	}
	vs, _ := findings(C.runcheck_rendering_findings(r))
	e := &RenderError{Violations: vs}
	var re C.runcheck_render_error
	if C.runcheck_rendering_error(r, &re) == C.RUNCHECK_OK {
		e.Kind, e.Offset, e.Length = int(re.kind), int(re.offset), int(re.length)
		e.Detail = goString(re.detail, re.detail_length)
	}
	return "", e
}
