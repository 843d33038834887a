// -----------------------------------------------------------------------------
// File: core/limits.h
// -----------------------------------------------------------------------------
//
// Every numeric limit of the command API family in one value (SPEC sections
// 7 and 11): a number two actions share is one field; a number that differs
// per action has a field per action. Quotas can be raised per account, so
// nothing in runcheck hard-codes a limit: rules read them from the `Limits`
// they are given. The defaults are the API's published values.
//
// Lengths named `*_chars` count Unicode code points of valid UTF-8; those
// named `*_bytes` count bytes.
//
// A plain aggregate: copy it, change a field, pass it on. Thread-compatible.
//
// Example:
//
//   runcheck::core::Limits limits;           // the API defaults
//   limits.max_instances = 500;        // an account with a raised quota

#ifndef RUNCHECK_CORE_LIMITS_H_
#define RUNCHECK_CORE_LIMITS_H_

#include <cstdint>

namespace runcheck {
namespace core {

struct Limits {
  int max_instances = 100;              // InstanceId.N entries (RunCommand,
                                        // InvokeCommand)
  int max_send_file_instances = 50;     // SendFile's InstanceId.N
  int max_stop_instances = 50;          // StopInvocation's InstanceId.N
  int max_task_instances = 100;         // ModifyInvocationAttribute: the
                                        // task's instances after adding
  int max_tags = 20;                    // Tag.N entries
  int max_resource_tags = 20;           // ResourceTag.N entries (RunCommand)
  int max_invoke_resource_tags = 10;    // InvokeCommand's ResourceTag.N
  int max_parameter_pairs = 10;         // pairs in the Parameters object
  int max_content_parameters = 20;      // distinct {{...}} in CommandContent
  int max_parameter_name_bytes = 64;    // a {{name}} in CommandContent
  int max_parameter_key_chars = 64;     // a key of the Parameters object
  int64_t max_content_bytes_kept = 18 * 1024;    // KeepCommand=true
  int64_t max_content_bytes_unkept = 24 * 1024;  // KeepCommand=false
  int max_name_chars = 128;
  int max_description_chars = 512;
  int max_working_dir_chars = 200;
  int max_username_chars = 255;
  int max_windows_password_name_chars = 255;
  int max_launcher_bytes = 1024;
  int max_client_token_chars = 64;
  int container_id_hex_digits = 64;     // after an optional docker:// etc.
  int max_container_name_chars = 255;
  int min_oss_bucket_chars = 3;         // OssOutputDelivery's bucket name
  int max_oss_bucket_chars = 63;
  int max_oss_prefix_bytes = 1023;      // OssOutputDelivery's key prefix
  int max_tag_key_chars = 64;
  int max_tag_value_chars = 128;
  int max_file_name_chars = 255;        // SendFile's Name
  int max_target_dir_chars = 255;       // SendFile's TargetDir
  int max_file_owner_chars = 64;        // SendFile's FileOwner and FileGroup
  int64_t max_file_content_bytes = 32 * 1024;  // SendFile's Content, as Base64
  int64_t max_timeout_seconds = 86400;
  int64_t min_timeout_seconds = 10;     // smaller values are raised to this
  int64_t min_cron_interval_seconds = 10;
  int64_t min_rate_seconds = 60;
  int64_t max_rate_seconds = 7 * 86400;
  // Findings kept per request (SPEC 8, *Bounded findings*); the rest are
  // counted in Findings::dropped / dropped_warnings. The first violation is
  // always kept.
  int max_violations = 100;
  int max_warnings = 100;
};

}  // namespace core
}  // namespace runcheck

#endif  // RUNCHECK_CORE_LIMITS_H_
