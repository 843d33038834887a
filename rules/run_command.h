// -----------------------------------------------------------------------------
// File: rules/run_command.h
// -----------------------------------------------------------------------------
//
// The RunCommand rule set (SPEC sections 2.3, 4, 5, 6, 7 and 10): every
// group-A rule, in the order the API answers with. The six other actions'
// rule sets reuse these rules for the parameters they share
// (rules/create_command.h, ...; rules/validate.h picks by the request's
// action). ValidateRunCommand()
// takes a decoded `Request` (rules/request_decode.h) and returns every
// violation in the documented order (the first is the API's answer), the
// warnings, and what the request means once its defaults apply: the
// effective RepeatMode and Timeout, and for a scheduled request the parsed
// schedule.
//
// Order: by parameter, in the reference page's table order (RegionId,
// ResourceGroupId, Name, Description, Type, CommandContent, WorkingDir,
// Timeout, EnableParameter, RepeatMode, Timed, Frequency, Parameters,
// KeepCommand, ContentEncoding, Username, WindowsPasswordName, InstanceId,
// Tag, ContainerId, ContainerName, ClientToken, OssOutputDelivery,
// ResourceTag, TerminationMode, Launcher); within a parameter, its rules in
// the order SPEC writes them; list entries by index. Cross-field rules sit
// with the parameter SPEC 2.3 names.
//
// Decisions where SPEC leaves room (also in README.md):
//   * CommandContent with ContentEncoding=Base64: the template and size rules
//     read the decoded bytes, so their spans are offsets into the decoded
//     content. When the content cannot be decoded (CmdContent.DecodeError),
//     the size and template rules do not run.
//   * The size rule (CmdContent.ExceedLimit) comes before the template rules
//     (SPEC 4.1 before 6) and has no span.
//   * InstanceId: InstanceIds.ExceedLimit counts distinct IDs; an empty entry
//     is MissingParam.InstanceId on `InstanceId.N`; then the cross-field
//     rules (with ResourceTag; neither given).
//   * Frequency given with RepeatMode other than Period: the mode becomes
//     Period (warning `request.repeat-mode-overridden`), and an invalid
//     RepeatMode is still reported.
//   * The group-B rules (facts) and ClientNeedUpgrade are not decided here.
//   * Bytes a percent escape (or JSON `\u0000`) puts inside a value (SPEC 10,
//     *Envelope vs value*): invalid UTF-8 or NUL is the parameter's own
//     character or format code (Name, Description, WorkingDir, Tag and
//     ResourceTag keys and values, ClientToken, ContainerId, ContainerName,
//     OssOutputDelivery, Frequency, Parameters; CommandContent: invalid UTF-8
//     only, NUL is allowed in a script), and InvalidRequest.Malformed with the
//     field path and the byte's offset for RegionId, ResourceGroupId,
//     ContentEncoding, Username, WindowsPasswordName, InstanceId.N and
//     Launcher, after their length rules. Both wire forms give the same
//     answer for the same bytes.
//   * Bounded findings (SPEC 8): at most Limits::max_violations violations
//     and Limits::max_warnings warnings are kept, the rest counted in
//     Findings::dropped / dropped_warnings; the first violation is always
//     kept. Details quote at most 64 characters of user text.
//
// Warnings (stable ids): request.timeout-raised, request.repeat-mode-
// overridden, request.timed-deprecated, request.content-encoding-unknown,
// request.duplicate-instance, request.container-ignores (Username or
// WorkingDir with a container), parameters.missing-value, every Frequency
// warning of schedule/frequency.h, and last request.unknown-parameter: one
// per key that names no RunCommand parameter (the RPC envelope's own keys
// such as Action and Signature excepted, rules/request.h), on the key as its
// field, naming the parameter meant when one is close (ClosestParameter).
//
// Bounds: linear in the request's size except the Frequency parse, which is
// bounded as schedule/frequency.h documents. Pure (the caller passes `now`),
// no exceptions; the rule set is built once and is safe to use from many
// threads at once.
//
// Example:
//
//   ValidateOptions options;
//   options.now = 1798761600;
//   options.zones = &TzdbZoneProvider::Default();
//   RunCommandVerdict v =
//       ValidateRunCommand(DecodeRequest(text).request, options);
//   if (!v.findings.ok()) {
//     const Violation& answer = v.findings.violations[0];
//     // answer.info().http_status, answer.info().name, answer.info().message
//   }

#ifndef RUNCHECK_RULES_RUN_COMMAND_H_
#define RUNCHECK_RULES_RUN_COMMAND_H_

#include "rules/request.h"
#include "rules/verdict.h"

namespace runcheck {
namespace rules {

// The RunCommand verdict is the family's (rules/verdict.h); the old name
// stays for embedders that use it.
using RunCommandVerdict = Verdict;

RunCommandVerdict ValidateRunCommand(const Request& request,
                                     const ValidateOptions& options);

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_RUN_COMMAND_H_
