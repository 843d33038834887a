// -----------------------------------------------------------------------------
// File: validate/explain_command.h
// -----------------------------------------------------------------------------
//
// `validate explain [options] EXPRESSION|-`: what a Frequency does, for an
// operator (issue 15): its description (--lang en|ja|zh), the next and
// previous fires with weekday names and how far they are from now, the DST
// changes of the next 12 months that touch it and what it does there, its
// minimum interval, the oldest agent it needs, and with --calendar[=YEAR] a
// cal-style grid of the year (weeks start on Monday, SPEC 5.3) with the
// days it fires on marked: in reverse video when colour is on
// (--color=auto|always|never; auto: stdout is a terminal and NO_COLOR is
// unset), else with a `*` after the day. An invalid expression prints its
// violations as `validate frequency` does (exit 1).

#ifndef RUNCHECK_VALIDATE_EXPLAIN_COMMAND_H_
#define RUNCHECK_VALIDATE_EXPLAIN_COMMAND_H_

#include <cstdio>
#include <string>
#include <vector>

namespace runcheck {
namespace validate {

// Returns the exit status: 0 valid, 1 invalid, 2 usage error.
int ExplainCommand(const std::vector<std::string>& args, std::FILE* in, std::FILE* out);

}  // namespace validate
}  // namespace runcheck

#endif  // RUNCHECK_VALIDATE_EXPLAIN_COMMAND_H_
