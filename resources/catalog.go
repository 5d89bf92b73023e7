package resources

// catalog mirrors what kube-apiserver v1.32 advertises for these resources.
var catalog = []Resource{
	{Version: "v1", Name: "namespaces", Kind: "Namespace", Singular: "namespace", ShortNames: []string{"ns"}, Subresources: []string{"status", "finalize"}},
	{Version: "v1", Name: "nodes", Kind: "Node", Singular: "node", ShortNames: []string{"no"}, Subresources: []string{"status"}},
	{Version: "v1", Name: "pods", Kind: "Pod", Singular: "pod", Namespaced: true, ShortNames: []string{"po"}, Categories: []string{"all"}, Subresources: []string{"status", "binding", "log", "eviction"}},
	{Version: "v1", Name: "services", Kind: "Service", Singular: "service", Namespaced: true, ShortNames: []string{"svc"}, Categories: []string{"all"}, Subresources: []string{"status"}},
	{Version: "v1", Name: "endpoints", Kind: "Endpoints", Singular: "endpoints", Namespaced: true, ShortNames: []string{"ep"}},
	{Version: "v1", Name: "configmaps", Kind: "ConfigMap", Singular: "configmap", Namespaced: true, ShortNames: []string{"cm"}},
	{Version: "v1", Name: "secrets", Kind: "Secret", Singular: "secret", Namespaced: true},
	{Version: "v1", Name: "serviceaccounts", Kind: "ServiceAccount", Singular: "serviceaccount", Namespaced: true, ShortNames: []string{"sa"}, Subresources: []string{"token"}},
	{Version: "v1", Name: "events", Kind: "Event", Singular: "event", Namespaced: true, ShortNames: []string{"ev"}},
	{Version: "v1", Name: "replicationcontrollers", Kind: "ReplicationController", Singular: "replicationcontroller", Namespaced: true, ShortNames: []string{"rc"}, Categories: []string{"all"}, Subresources: []string{"status", "scale"}, Generation: true},
	{Group: "apps", Version: "v1", Name: "deployments", Kind: "Deployment", Singular: "deployment", Namespaced: true, ShortNames: []string{"deploy"}, Categories: []string{"all"}, Subresources: []string{"status", "scale"}, Generation: true},
	{Group: "apps", Version: "v1", Name: "replicasets", Kind: "ReplicaSet", Singular: "replicaset", Namespaced: true, ShortNames: []string{"rs"}, Categories: []string{"all"}, Subresources: []string{"status", "scale"}, Generation: true},
	{Group: "coordination.k8s.io", Version: "v1", Name: "leases", Kind: "Lease", Singular: "lease", Namespaced: true},
	{Group: "discovery.k8s.io", Version: "v1", Name: "endpointslices", Kind: "EndpointSlice", Singular: "endpointslice", Namespaced: true},
}
