package runcheck

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// Expected instants were computed independently (Python's zoneinfo).

func mustParse(t *testing.T, expr string, o Options) *Schedule {
	t.Helper()
	s, err := ParseFrequency(expr, o)
	if err != nil {
		t.Fatalf("ParseFrequency(%q): %v", expr, err)
	}
	return s
}

func TestVersion(t *testing.T) {
	api, release := Version()
	if api != 2 || release == "" {
		t.Fatalf("Version() = %d, %q", api, release)
	}
}

func TestNewYorkSpringForward(t *testing.T) {
	s := mustParse(t, "0 30 2 * * ?", Options{DefaultZone: "America/New_York"})
	defer s.Close()
	// 2026-03-08 00:00 EST; 02:30 does not occur, the fire runs at 03:00 EDT.
	got, ok := s.Next(time.Unix(1772946000, 0))
	if !ok || got.Unix() != 1772953200 {
		t.Fatalf("Next = %v %v, want 2026-03-08T07:00:00Z", got, ok)
	}
	// The next day is an ordinary 02:30 EDT.
	got, ok = s.Next(got)
	if !ok || got.Unix() != 1772953200+86400-1800 {
		t.Fatalf("second Next = %v", got)
	}
	if s.Zone() != "America/New_York" || !s.FixedTime() {
		t.Fatalf("Zone %q FixedTime %v", s.Zone(), s.FixedTime())
	}
}

func TestLordHoweHalfHourShift(t *testing.T) {
	now := time.Unix(1791000000, 0)
	s := mustParse(t, "0 15 2 * * ?", Options{DefaultZone: "Australia/Lord_Howe", Now: &now})
	defer s.Close()
	want := []int64{1791041400, 1791126900} // 02:30 LHDT (gap end), then 02:15
	got := s.NextN(now, 2)
	if len(got) != 2 || got[0].Unix() != want[0] || got[1].Unix() != want[1] {
		t.Fatalf("NextN = %v, want %v", got, want)
	}
	if len(s.Warnings) != 1 || s.Warnings[0].ID != "frequency.dst-affected" {
		t.Fatalf("Warnings = %+v", s.Warnings)
	}
	skip := mustParse(t, "0 15 2 * * ?", Options{DefaultZone: "Australia/Lord_Howe", Gap: GapSkip})
	defer skip.Close()
	if n, _ := skip.Next(now); n.Unix() != want[1] {
		t.Fatalf("with GapSkip Next = %v, want %d", n, want[1])
	}
}

func TestPreviousIsStrict(t *testing.T) {
	s := mustParse(t, "0 0 * * * ?", Options{})
	defer s.Close()
	hour := time.Unix(1798761600, 0)
	if p, ok := s.Previous(hour); !ok || p.Unix() != 1798761600-3600 {
		t.Fatalf("Previous(on the hour) = %v", p)
	}
	// Half a second past the hour: the hour itself is before it.
	if p, _ := s.Previous(hour.Add(500 * time.Millisecond)); p.Unix() != 1798761600 {
		t.Fatalf("Previous(hour+0.5s) = %v", p)
	}
	if n, _ := s.Next(hour.Add(500 * time.Millisecond)); n.Unix() != 1798761600+3600 {
		t.Fatalf("Next(hour+0.5s) = %v", n)
	}
}

func TestErrorsCarryCodeAndOffset(t *testing.T) {
	_, err := ParseFrequency("0 0 25 * * ?", Options{})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, want *Error", err)
	}
	v := e.Violations[0]
	if v.Code != "InvalidParam.Frequency" || v.HTTPStatus != 400 || !v.HasSpan ||
		v.Offset != 4 || v.Length != 2 || !strings.Contains(v.Detail, "25") {
		t.Fatalf("violation = %+v", v)
	}
	if !strings.Contains(err.Error(), "byte 4") {
		t.Fatalf("Error() = %q", err.Error())
	}
	// A NUL byte is part of the text, never an end.
	if _, err := ParseFrequency("0 0 * * * ?\x00", Options{}); err == nil {
		t.Fatal("a trailing NUL was accepted")
	}
	// A bad default zone is refused, not ignored.
	if _, err := ParseFrequency("0 0 * * * ?", Options{DefaultZone: "Mars/Olympus"}); err == nil {
		t.Fatal("an unknown zone was accepted")
	}
	// The empty text.
	if _, err := ParseFrequency("", Options{}); err == nil {
		t.Fatal("the empty text was accepted")
	}
}

func TestRateAndAt(t *testing.T) {
	created := time.Unix(1798761600, 0)
	r := mustParse(t, "rate(5m)", Options{Created: &created})
	defer r.Close()
	if n, _ := r.Next(created); n.Unix() != 1798761900 {
		t.Fatalf("rate Next = %v", n)
	}
	a := mustParse(t, "at(2027-01-01 08:00:00 Asia/Tokyo)", Options{})
	defer a.Close()
	if n, ok := a.Next(time.Unix(0, 0)); !ok || n.Unix() != 1798758000 {
		t.Fatalf("at Next = %v", n)
	}
	if _, ok := a.Next(time.Unix(1798758000, 0)); ok {
		t.Fatal("at fired twice")
	}
}

func TestCatalog(t *testing.T) {
	info, ok := Describe("StopInvocation", "InvalidInvokeId.NotFound")
	if !ok || info.HTTPStatus != 404 || info.Group != 'B' ||
		info.Message != "The specified invoke ID does not exist." {
		t.Fatalf("Describe = %+v %v", info, ok)
	}
	if _, ok := Describe("runcommand", "InvalidParam.Frequency"); ok {
		t.Fatal("action names are exact")
	}
}

func TestClosedScheduleReportsNothing(t *testing.T) {
	s := mustParse(t, "0 0 * * * ?", Options{})
	s.Close()
	s.Close() // twice is fine
	if _, ok := s.Next(time.Unix(0, 0)); ok {
		t.Fatal("a closed schedule fired")
	}
	if s.String() != "" || s.NextN(time.Unix(0, 0), 3) != nil {
		t.Fatal("a closed schedule answered")
	}
}

// A schedule is shared by goroutines (run with -race).
func TestConcurrentUse(t *testing.T) {
	s := mustParse(t, "0 */5 * * * ?", Options{DefaultZone: "America/New_York"})
	defer s.Close()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			t0 := time.Unix(1798761600+int64(g)*3600, 0)
			for i := 0; i < 200; i++ {
				n, ok := s.Next(t0)
				if !ok || n.Unix()-t0.Unix() > 300 {
					t.Errorf("goroutine %d: Next(%v) = %v %v", g, t0, n, ok)
					return
				}
				t0 = n
			}
		}(g)
	}
	wg.Wait()
}

func BenchmarkNext(b *testing.B) {
	s, err := ParseFrequency("0 0 12 ? * WED", Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	t := time.Unix(1798761600, 0)
	for i := 0; i < b.N; i++ {
		n, ok := s.Next(t)
		if !ok {
			n = time.Unix(1798761600, 0)
		}
		t = n
	}
}

func ExampleParseFrequency() {
	s, err := ParseFrequency("0 15 10 ? * MON-FRI", Options{DefaultZone: "Asia/Shanghai"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	for _, t := range s.NextN(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), 2) {
		fmt.Println(t.Format(time.RFC3339))
	}
	fmt.Println(s)
	// Output:
	// 2027-01-01T02:15:00Z
	// 2027-01-04T02:15:00Z
	// 0 15 10 ? * 1-5
}

func ExampleError() {
	_, err := ParseFrequency("0 0 25 * * ?", Options{})
	var e *Error
	if errors.As(err, &e) {
		v := e.Violations[0]
		fmt.Println(v.Code, v.Offset, v.Length)
	}
	// Output: InvalidParam.Frequency 4 2
}
