// -----------------------------------------------------------------------------
// File: rules/modify_command.h
// -----------------------------------------------------------------------------
//
// The ModifyCommand rule set (SPEC 11): every group-A rule of the action, in
// its reference table's order, with its own status and message per code
// (core/catalog.h, CatalogOf). The parameters it shares with RunCommand are
// checked by RunCommand's rules (rules/run_command.h documents them).
//
// Order: RegionId, CommandId (required: MissingParameter.CommandId), Name
// (optional; CmdName.ExceedLimit, InvalidParameterCharacter.CommandName),
// Description, CommandContent, WorkingDir, Timeout, Launcher, then the
// unknown-key warnings.
//
// Decisions (SPEC 11, *ModifyCommand*):
//   * CommandContent is no longer used: it is accepted whatever it holds
//     and ignored, with the warning request.parameter-ignored; no rule reads
//     it (its CmdContent.ExceedLimit row is never emitted).
//   * Timeout: a request without one keeps the command's
//     (Verdict::timeout_seconds 0).
//   * CmdName.Readonly and InvalidCmdId.NotFound need facts.
//
// Pure, no exceptions; the rule set is built once and is safe to use from
// many threads at once. Bounds as rules/run_command.h.
//
// Example:
//
//   DecodedRequest d = DecodeRequest(
//       "Action=ModifyCommand&RegionId=cn-hangzhou&CommandId=c-1&Name=new");
//   ValidateModifyCommand(d.request, ValidateOptions{}).findings.ok();  // true

#ifndef RUNCHECK_RULES_MODIFY_COMMAND_H_
#define RUNCHECK_RULES_MODIFY_COMMAND_H_

#include "rules/request.h"
#include "rules/verdict.h"

namespace runcheck {
namespace rules {

Verdict ValidateModifyCommand(const Request& request, const ValidateOptions& options);

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_MODIFY_COMMAND_H_
