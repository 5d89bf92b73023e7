// Package rollout is the pure arithmetic of Deployments, as Kubernetes'
// deployment controller and deployment/util compute it: template hashes,
// surge and unavailability fenceposts, which replica set is new, how far
// each replica set scales, revisions, and status with its conditions.
// Nothing here talks to the API; the deployment package does.
package rollout

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/equality"
	"k8s.io/apimachinery/pkg/util/dump"
	"k8s.io/apimachinery/pkg/util/rand"
)

// HashLabel is the pod-template-hash label that tells replica sets of one
// Deployment, and their pods, apart.
const HashLabel = appsv1.DefaultDeploymentUniqueLabelKey

// ComputeHash is the pod-template-hash of a template: fnv32a of the
// template printed as Kubernetes prints it for hashing, plus the
// Deployment's collisionCount, rendered with rand.SafeEncodeString. Same
// as kube-controller-manager's, so replica sets made by either match.
func ComputeHash(template *corev1.PodTemplateSpec, collisionCount *int32) string {
	h := fnv.New32a()
	fmt.Fprintf(h, "%v", dump.ForHash(*template))
	if collisionCount != nil {
		b := make([]byte, 8)
		binary.LittleEndian.PutUint32(b, uint32(*collisionCount))
		h.Write(b)
	}
	return rand.SafeEncodeString(fmt.Sprint(h.Sum32()))
}

// EqualIgnoreHash reports whether two templates are the same but for the
// pod-template-hash label: a replica set runs a Deployment's template.
func EqualIgnoreHash(a, b *corev1.PodTemplateSpec) bool {
	a, b = a.DeepCopy(), b.DeepCopy()
	delete(a.Labels, HashLabel)
	delete(b.Labels, HashLabel)
	return equality.Semantic.DeepEqual(a, b)
}
