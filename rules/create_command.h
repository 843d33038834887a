// -----------------------------------------------------------------------------
// File: rules/create_command.h
// -----------------------------------------------------------------------------
//
// The CreateCommand rule set (SPEC 11): every group-A rule of the action, in
// its reference table's order, with its own status and message per code
// (core/catalog.h, CatalogOf). The parameters it shares with RunCommand are
// checked by RunCommand's rules (rules/run_command.h documents them).
//
// Order: RegionId (MissingParameter.RegionId), Name (required:
// MissingParameter.Name; CmdName.ExceedLimit, then
// InvalidParameterCharacter.CommandName), Description, Type (required),
// CommandContent (required; decoding, CmdContent.ExceedLimit, the template
// rules when EnableParameter=true), ContentEncoding, WorkingDir, Timeout,
// EnableParameter, ResourceGroupId, Launcher, Tag.N, ClientToken, then the
// unknown-key warnings.
//
// Decisions (SPEC 11, *CreateCommand*):
//   * ContentEncoding defaults to Base64 and is compared ignoring case; any
//     other value is read as Base64 (warning request.content-encoding-
//     unknown).
//   * The content limit is the kept-command one (18 KiB as Base64):
//     CreateCommand keeps what it creates.
//   * A command takes no Parameters, so no parameters.missing-value warning.
//   * CmdCount.ExceedQuota and the resource-group codes need facts.
//
// Pure, no exceptions; the rule set is built once and is safe to use from
// many threads at once. Bounds as rules/run_command.h.
//
// Example:
//
//   DecodedRequest d = DecodeRequest(
//       "Action=CreateCommand&RegionId=cn-hangzhou&Name=n&Type=RunShellScript"
//       "&CommandContent=ZWNobyBoaQ==");
//   Verdict v = ValidateCreateCommand(d.request, ValidateOptions{});
//   v.findings.ok();      // true
//   v.base64_content;     // true (the default)

#ifndef RUNCHECK_RULES_CREATE_COMMAND_H_
#define RUNCHECK_RULES_CREATE_COMMAND_H_

#include "rules/request.h"
#include "rules/verdict.h"

namespace runcheck {
namespace rules {

Verdict ValidateCreateCommand(const Request& request, const ValidateOptions& options);

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_CREATE_COMMAND_H_
