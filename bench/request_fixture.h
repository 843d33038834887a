// The request benchmarks' fixture, shared by bench/request_bench.cc (timing)
// and bench/request_profile.cc (instruction counts under callgrind or perf):
// a realistic valid RunCommand request (1.2 KiB in JSON: cron Frequency with
// a zone, 3 tags, 2 parameters used about 15 times in a 640-byte script,
// 2 instances, a client token) and the same request with five violations.

#ifndef RUNCHECK_BENCH_REQUEST_FIXTURE_H_
#define RUNCHECK_BENCH_REQUEST_FIXTURE_H_

#include <string>

#include "rules/request_decode.h"
#include "rules/request_encode.h"
#include "rules/run_command.h"
#include "schedule/tzdb_zone_provider.h"

namespace runcheck {
namespace bench {

inline std::string ValidJson() {
  std::string script =
      "#!/bin/bash\\nset -euo pipefail\\nLOG=/var/log/deploy-{{app}}.log\\n"
      "echo \\\"deploying {{app}} version {{version}} on {{ACS::InstanceId}}\\\" >> \\\"$LOG\\\"\\n"
      "cd /opt/{{app}} && git fetch --all && git checkout {{version}}\\n";
  while (script.size() < 640) script += "systemctl restart {{app}}.service || journalctl -u {{app}} -n 50\\n";
  return R"({"RegionId": "cn-hangzhou", "Type": "RunShellScript", "Name": "deploy-app",
  "Description": "Nightly deploy of the application", "CommandContent": ")" + script + R"(",
  "EnableParameter": true, "Parameters": {"app": "billing", "version": "v2.14.3"},
  "Frequency": "0 30 2 ? * MON-FRI Asia/Shanghai", "Timeout": 600,
  "InstanceId": ["i-bp185dy2o3o6neg0001", "i-bp185dy2o3o6neg0002"],
  "Tag": [{"Key": "team", "Value": "payments"}, {"Key": "env", "Value": "prod"},
          {"Key": "owner", "Value": "ops@example.com"}],
  "ClientToken": "123e4567-e89b-12d3-a456-426614174000"})";
}

// The same request with five violations spread over the table.
inline std::string InvalidJson() {
  std::string s = ValidJson();
  s.replace(s.find("RunShellScript"), 14, "RunShell");
  s.replace(s.find("\"Timeout\": 600"), 14, "\"Timeout\": 0  ");
  s.replace(s.find("MON-FRI"), 7, "MON-FRX");
  s.replace(s.find("\"team\""), 6, "\"acs:t\"");
  s.replace(s.find("\"version\": \"v2"), 11, "\"verzion\":");
  return s;
}

inline rules::ValidateOptions Options() {
  rules::ValidateOptions o;
  o.zones = &schedule::TzdbZoneProvider::Default();
  o.now = 1798761600;
  return o;
}

// The query form of a JSON request.
inline std::string QueryOf(const std::string& json) {
  return rules::ToQueryForm(rules::DecodeJsonRequest(json).request);
}

}  // namespace bench
}  // namespace runcheck

#endif  // RUNCHECK_BENCH_REQUEST_FIXTURE_H_
