// Package runcheck is the Go face of runcheck's C API (capi/runcheck.h): the
// Frequency engine of the Cloud Assistant command APIs — rate(...), at(...)
// and cron with seconds, year and time zone — with DST-correct next and
// previous fire times, and the API's error catalogs.
//
// It links libruncheck.so (bazel build -c opt //capi:libruncheck.so) with cgo;
// tools/test.sh sets CGO_CFLAGS and CGO_LDFLAGS to the tree. Nothing is fetched:
// the module has no dependencies.
//
// A *Schedule is immutable and safe for concurrent use. Close releases its C
// memory; a finalizer does so too, as a safety net, when a Schedule is
// garbage.
package runcheck

/*
#cgo LDFLAGS: -lruncheck
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

// DST policies (the gap: the clock skips; the overlap: it repeats).
const (
	GapByClass     = C.RUNCHECK_GAP_BY_CLASS
	GapRunAtEnd    = C.RUNCHECK_GAP_RUN_AT_GAP_END
	GapSkip        = C.RUNCHECK_GAP_SKIP
	GapShift       = C.RUNCHECK_GAP_SHIFT
	OverlapByClass = C.RUNCHECK_OVERLAP_BY_CLASS
	OverlapFirst   = C.RUNCHECK_OVERLAP_FIRST
	OverlapSecond  = C.RUNCHECK_OVERLAP_SECOND
	OverlapBoth    = C.RUNCHECK_OVERLAP_BOTH
)

// Options for ParseFrequency. The zero value parses compute-only in UTC.
type Options struct {
	// The zone of a cron expression without a zone token: an IANA name, UTC,
	// GMT or GMT+H:MM. Empty: UTC.
	DefaultZone string
	// When set, the request-level rules run: fires after Now, the minimum
	// interval (against Timeout and the 10 s floor), years in the past, DST
	// warnings.
	Now *time.Time
	// The request's Timeout; zero means none.
	Timeout time.Duration
	// The anchor of a rate schedule; nil means Now (or the Unix epoch).
	Created *time.Time
	// Gap* and Overlap* values; zero is by class.
	Gap, Overlap int
}

// Violation is one reason a Frequency is refused.
type Violation struct {
	Code       string // "InvalidParam.Frequency"
	HTTPStatus int
	Message    string // the action's English message, its %s filled in
	Field      string
	HasSpan    bool
	Offset     int // bytes into the expression
	Length     int
	Detail     string
}

// Warning is a finding that does not refuse the expression.
type Warning struct {
	ID      string // "frequency.dst-affected"
	Field   string
	HasSpan bool
	Offset  int
	Length  int
	Detail  string
}

// Error is what ParseFrequency returns for a refused expression: every
// violation, in the API's order (the first is the API's answer).
type Error struct {
	Violations []Violation
	Warnings   []Warning
}

func (e *Error) Error() string {
	if len(e.Violations) == 0 {
		return "runcheck: invalid frequency"
	}
	v := e.Violations[0]
	if v.HasSpan {
		return fmt.Sprintf("runcheck: %s at byte %d: %s", v.Code, v.Offset, v.Detail)
	}
	return fmt.Sprintf("runcheck: %s: %s", v.Code, v.Detail)
}

// Schedule is a parsed Frequency.
type Schedule struct {
	p        *C.runcheck_schedule
	Warnings []Warning
}

func goString(data *C.char, length C.size_t) string {
	if length == 0 {
		return ""
	}
	return C.GoStringN(data, C.int(length))
}

func findings(f *C.runcheck_findings) ([]Violation, []Warning) {
	var vs []Violation
	var ws []Warning
	for i := C.size_t(0); i < C.runcheck_findings_violation_count(f); i++ {
		var v C.runcheck_violation
		if C.runcheck_findings_violation(f, i, &v) != C.RUNCHECK_OK {
			break
		}
		vs = append(vs, Violation{
			Code:       goString(v.code, v.code_length),
			HTTPStatus: int(v.http_status),
			Message:    goString(v.message, v.message_length),
			Field:      goString(v.field, v.field_length),
			HasSpan:    v.has_span != 0,
			Offset:     int(v.offset),
			Length:     int(v.length),
			Detail:     goString(v.detail, v.detail_length),
		})
	}
	for i := C.size_t(0); i < C.runcheck_findings_warning_count(f); i++ {
		var w C.runcheck_warning
		if C.runcheck_findings_warning(f, i, &w) != C.RUNCHECK_OK {
			break
		}
		ws = append(ws, Warning{
			ID:      goString(w.id, w.id_length),
			Field:   goString(w.field, w.field_length),
			HasSpan: w.has_span != 0,
			Offset:  int(w.offset),
			Length:  int(w.length),
			Detail:  goString(w.detail, w.detail_length),
		})
	}
	return vs, ws
}

// cBytes copies b into C memory (C.CString would stop at a NUL: the length
// is passed alongside). The caller frees it; nil for no bytes.
func cBytes(b []byte) (*C.char, C.size_t) {
	if len(b) == 0 {
		return nil, 0
	}
	return (*C.char)(C.CBytes(b)), C.size_t(len(b))
}

// cString is cBytes for a string.
func cString(s string) (*C.char, C.size_t) { return cBytes([]byte(s)) }

// ParseFrequency parses a Frequency (rate, at or cron). A refused expression
// returns an *Error with every violation.
func ParseFrequency(expr string, opts Options) (*Schedule, error) {
	var o C.runcheck_frequency_options
	C.runcheck_frequency_options_init(&o)
	zone, zoneLen := cString(opts.DefaultZone)
	defer C.free(unsafe.Pointer(zone))
	o.default_zone, o.default_zone_length = zone, zoneLen
	if opts.Now != nil {
		o.has_now, o.now = 1, C.int64_t(opts.Now.Unix())
	}
	if opts.Timeout > 0 {
		o.has_timeout, o.timeout_seconds = 1, C.int64_t(opts.Timeout/time.Second)
	}
	if opts.Created != nil {
		o.has_created, o.created = 1, C.int64_t(opts.Created.Unix())
	}
	o.dst_gap, o.dst_overlap = C.int(opts.Gap), C.int(opts.Overlap)
	text, textLen := cString(expr)
	defer C.free(unsafe.Pointer(text))
	var f *C.runcheck_findings
	p := C.runcheck_schedule_parse(text, textLen, &o, &f)
	defer C.runcheck_findings_free(f)
	vs, ws := findings(f)
	if p == nil {
		return nil, &Error{Violations: vs, Warnings: ws}
	}
	s := &Schedule{p: p, Warnings: ws}
	runtime.SetFinalizer(s, (*Schedule).Close)
	return s, nil
}

// Close releases the schedule; further calls on it report no fire.
func (s *Schedule) Close() {
	if s.p != nil {
		C.runcheck_schedule_free(s.p)
		s.p = nil
	}
}

// fire asks the C library for one fire time (get: next or previous) from
// `bound`; false when there is none.
func (s *Schedule) fire(bound int64,
	get func(*C.runcheck_schedule, C.int64_t, *C.int64_t) C.int) (time.Time, bool) {
	if s.p == nil {
		return time.Time{}, false
	}
	var out C.int64_t
	ok := get(s.p, C.int64_t(bound), &out) == C.RUNCHECK_OK
	runtime.KeepAlive(s)
	if !ok {
		return time.Time{}, false
	}
	return time.Unix(int64(out), 0).UTC(), true
}

// Next is the first fire strictly after t, in UTC; false when none remains
// (fires end at 2099-12-31 23:59:59 local time).
func (s *Schedule) Next(t time.Time) (time.Time, bool) {
	// Strictly after t: a fire at t's whole second precedes t when t has a
	// fraction, so the whole second is the bound.
	return s.fire(t.Unix(), func(p *C.runcheck_schedule, b C.int64_t, out *C.int64_t) C.int {
		return C.runcheck_schedule_next(p, b, out)
	})
}

// Previous is the last fire strictly before t; false when there is none.
func (s *Schedule) Previous(t time.Time) (time.Time, bool) {
	before := t.Unix()
	if t.Nanosecond() != 0 {
		before++ // a fire at t's whole second is before t
	}
	return s.fire(before, func(p *C.runcheck_schedule, b C.int64_t, out *C.int64_t) C.int {
		return C.runcheck_schedule_previous(p, b, out)
	})
}

// NextN is up to n fires strictly after t, in order.
func (s *Schedule) NextN(t time.Time, n int) []time.Time {
	if s.p == nil || n <= 0 {
		return nil
	}
	buf := make([]C.int64_t, n)
	var count C.size_t
	C.runcheck_schedule_next_n(s.p, C.int64_t(t.Unix()), &buf[0], C.size_t(n), &count)
	runtime.KeepAlive(s)
	out := make([]time.Time, int(count))
	for i := range out {
		out[i] = time.Unix(int64(buf[i]), 0).UTC()
	}
	return out
}

// text asks the C library for one of the schedule's strings (get).
func (s *Schedule) text(get func(*C.runcheck_schedule, **C.char, *C.size_t) C.int) string {
	if s.p == nil {
		return ""
	}
	var data *C.char
	var length C.size_t
	get(s.p, &data, &length)
	out := goString(data, length)
	runtime.KeepAlive(s)
	return out
}

// String is the canonical text; parsing it gives an equal schedule.
func (s *Schedule) String() string {
	return s.text(func(p *C.runcheck_schedule, d **C.char, l *C.size_t) C.int {
		return C.runcheck_schedule_string(p, d, l)
	})
}

// Zone is the name of the schedule's zone ("UTC" for a rate).
func (s *Schedule) Zone() string {
	return s.text(func(p *C.runcheck_schedule, d **C.char, l *C.size_t) C.int {
		return C.runcheck_schedule_zone(p, d, l)
	})
}

// FixedTime reports whether the schedule is fixed-time (at, and cron with
// plain second, minute and hour) rather than interval.
func (s *Schedule) FixedTime() bool {
	ok := s.p != nil && C.runcheck_schedule_fixed_time(s.p) == 1
	runtime.KeepAlive(s)
	return ok
}

// CodeInfo is a row of an action's error catalog.
type CodeInfo struct {
	Code       string
	HTTPStatus int
	Message    string // may hold %s: the limit in force
	Group      byte   // 'A' request, 'B' facts, 'C' operational
}

// Describe is the row `action` ("RunCommand", "SendFile", ...; empty:
// RunCommand) reports `code` with; false for an unknown action or code.
func Describe(action, code string) (CodeInfo, bool) {
	a, aLen := cString(action)
	defer C.free(unsafe.Pointer(a))
	c, cLen := cString(code)
	defer C.free(unsafe.Pointer(c))
	var info C.runcheck_code_info
	if C.runcheck_catalog_describe(a, aLen, c, cLen, &info) != C.RUNCHECK_OK {
		return CodeInfo{}, false
	}
	return CodeInfo{
		Code:       goString(info.code, info.code_length),
		HTTPStatus: int(info.http_status),
		Message:    goString(info.message, info.message_length),
		Group:      byte(info.group),
	}, true
}

// Version is the C API version of the linked library and its release.
func Version() (api int, release string) {
	return int(C.runcheck_c_api_version()), C.GoString(C.runcheck_library_version())
}
