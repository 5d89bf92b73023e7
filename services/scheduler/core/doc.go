// Package core is the pure scheduling core of the kubus scheduler: given a
// Snapshot of nodes and the pods bound to them, Schedule picks a node for a
// pod or explains, in kube-scheduler's words, why none fits.
//
// It holds no bus or network code. The scheduler service feeds it from
// informers (AddNode/UpdateNode/RemoveNode, AddPod/RemovePod, SetServices),
// calls Schedule for each pending pod, binds the result and calls AddPod with
// the bound pod at once ("assume"), so that pods decided in a row never
// over-commit a node before the informer echoes the binding back.
//
// Like nomad's scheduler, a decision is a pipeline over the snapshot:
//
//  1. feasibility: filters run in kube-scheduler's default plugin order
//     (NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts,
//     NodeResourcesFit); the first failing filter gives the node's reasons.
//     Only enough feasible nodes are looked for (Config.PercentageOfNodesToScore),
//     starting where the previous decision stopped, as upstream does.
//  2. ranking: weighted scores 0..100 (least allocated, balanced allocation,
//     spreading of pods of the same controller or Service, preferred node
//     affinity, PreferNoSchedule taints), normalized like upstream plugins.
//  3. selection: the best total wins; ties are broken at random with the
//     injected source (Config.Rand), so equal nodes share the load.
//
// Per-node aggregates (requested resources, host ports, per-controller and
// per-Service pod counts) are maintained incrementally, so Schedule costs
// O(nodes examined), not O(pods).
//
// A Snapshot is not safe for concurrent use: one scheduling loop owns it.
package core
