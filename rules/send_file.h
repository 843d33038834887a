// -----------------------------------------------------------------------------
// File: rules/send_file.h
// -----------------------------------------------------------------------------
//
// The SendFile rule set (SPEC 11): every group-A rule of the action, in its
// reference table's order, with its own status and message per code
// (core/catalog.h, CatalogOf). Timeout, InstanceId.N, Tag.N and ClientToken
// are checked by RunCommand's rules (rules/run_command.h documents them);
// the file's own parameters by the rules below.
//
// Order and rules (each parameter's rules left to right):
//   RegionId         required (MissingParameter.RegionId)
//   ResourceGroupId
//   Name             required (MissingParameter.Name); at most
//                    Limits::max_file_name_chars characters
//                    (FileName.ExceedLimit)
//   Description      at most Limits::max_description_chars characters
//                    (FileDesc.ExceedLimit)
//   Timeout          as RunCommand: 1-9 raised to 10 (warning), over the
//                    maximum InvalidTimeout.ExceedLimit; default 60
//   TargetDir        required (MissingParameter.TargetDir); at most
//                    Limits::max_target_dir_chars characters, valid UTF-8
//                    without control characters, and absolute: `/...`
//                    (Linux) or a drive letter of either case, `:` and `\`
//                    or `/` (Windows) -> FileTargetDir.Invalid
//   ContentType      PlainText | Base64, ignoring case (default PlainText)
//                    -> FileContentType.Invalid
//   Content          required (MissingParameter.Content); at most
//                    Limits::max_file_content_bytes as Base64 (a PlainText
//                    content counts as its encoding would; no span)
//                    -> FileSize.ExceedLimit; with Base64, strict decoding
//                    (SPEC 4.1) -> FileContent.DecodeError
//   FileOwner,       at most Limits::max_file_owner_chars characters of a
//   FileGroup        POSIX name `[A-Za-z_][A-Za-z0-9_.-]*`, one trailing `$`
//                    allowed and counted -> InvalidParameter.FileOwner /
//                    InvalidParameter.FileGroup
//   FileMode         3 or 4 octal digits (`644`, `0644`, `1777`)
//                    -> FileMode.Invalid
//   Overwrite        a boolean -> InvalidParameter.Overwrite
//   InstanceId.N     required (MissingParam.InstanceId); at most
//                    Limits::max_send_file_instances distinct IDs
//                    (InstanceIds.ExceedLimit)
//   Tag.N, ClientToken
// then the unknown-key warnings.
//
// Decisions:
//   * Name, Description and a PlainText Content have no character code:
//     invalid UTF-8 or a NUL there is InvalidRequest.Malformed with the field
//     path (SPEC 11, *SendFile text*). A NUL in a Base64 Content is a
//     decoding error.
//   * An invalid ContentType is reported, and Content is then read as
//     PlainText.
//   * The agent: SendFile needs 1.0.2.569 (Linux) / 1.0.0.149 (Windows)
//     (Verdict::agent; "later than" read as "at least").
//   * Verdict::base64_content says whether Content is Base64.
//
// Pure, no exceptions; the rule set is built once and is safe to use from
// many threads at once. Linear in the request's size.
//
// Example:
//
//   DecodedRequest d = DecodeRequest(
//       "Action=SendFile&RegionId=cn-hangzhou&Name=a.txt&TargetDir=/tmp"
//       "&Content=hello&InstanceId.1=i-a&FileMode=0644");
//   ValidateSendFile(d.request, ValidateOptions{}).findings.ok();  // true

#ifndef RUNCHECK_RULES_SEND_FILE_H_
#define RUNCHECK_RULES_SEND_FILE_H_

#include "rules/request.h"
#include "rules/verdict.h"

namespace runcheck {
namespace rules {

Verdict ValidateSendFile(const Request& request, const ValidateOptions& options);

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_SEND_FILE_H_
