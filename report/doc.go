// Package report measures incidents together: how many per severity and
// per month, how long they took to detect, mitigate and resolve, and
// whether their follow-ups got done. Build is pure arithmetic over what the
// store read (no I/O, no clock: Options.Now is given); Text, JSON and HTML
// write the result.
//
// The rules a reader of a report needs:
//
//   - An incident belongs where it began: its first set milestone among
//     started, detected and declared, else its creation. --since and
//     --until select by that instant; months are calendar months in the
//     report's zone.
//   - Response times are the postmortem's own (incident.Milestones.Metrics):
//     from started (or detected, when the start of impact is unknown) to
//     detected, mitigated and resolved; duration of impact is started to
//     mitigated, else resolved. An incident missing a milestone is counted
//     in "missing", one whose milestones contradict each other in "out of
//     order"; neither is ever counted as zero.
//   - Median and p90 interpolate linearly between closest ranks (see
//     Percentile): the median of an even count is the mean of the two
//     middle values.
//   - Follow-ups are the live action items of the incidents counted; open
//     ones are overdue by incident.FollowUpPolicy (a due date set, else the
//     priority's deadline). The completion rate is done / (opened − won't
//     do).
package report
