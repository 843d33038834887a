/* A C program built against an installed runcheck (tools/install.sh) with
   pkg-config and plain cc: prints the fire after 2026-03-08 00:00 EST of a
   02:30 New York schedule (the clock skips 02:30 that day: 03:00 EDT). */
#include <stdio.h>
#include <string.h>

#include "capi/runcheck.h"

int main(void) {
  runcheck_frequency_options o;
  runcheck_frequency_options_init(&o);
  o.default_zone = "America/New_York";
  o.default_zone_length = strlen(o.default_zone);
  runcheck_schedule* s = runcheck_schedule_parse("0 30 2 * * ?", 12, &o, NULL);
  int64_t next = 0;
  if (s == NULL || runcheck_schedule_next(s, 1772946000, &next) != RUNCHECK_OK) return 1;
  printf("c api %d: next %lld\n", runcheck_c_api_version(), (long long)next);
  runcheck_schedule_free(s);
  return 0;
}
