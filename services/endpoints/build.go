package endpoints

import (
	"fmt"
	"hash/fnv"

	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// ManagedBy is the endpointslice.kubernetes.io/managed-by value of slices
// this controller owns; the user's own slices are left alone.
const ManagedBy = "endpointslice-controller.k8s.io"

// buildEndpoints is the Endpoints object of svc: ready and not-ready
// addresses, grouped by identical port lists as Kubernetes does.
func buildEndpoints(svc *corev1.Service, addrs []address) *corev1.Endpoints {
	ep := &corev1.Endpoints{ObjectMeta: metav1.ObjectMeta{Name: svc.Name, Namespace: svc.Namespace, Labels: svc.Labels}}
	bySig := map[string]int{}
	for _, a := range addrs {
		sig := fmt.Sprint(a.ports)
		i, ok := bySig[sig]
		if !ok {
			i = len(ep.Subsets)
			bySig[sig] = i
			ep.Subsets = append(ep.Subsets, corev1.EndpointSubset{Ports: a.ports})
		}
		ea := corev1.EndpointAddress{IP: a.pod.Status.PodIP, NodeName: nodeName(a.pod),
			TargetRef: &corev1.ObjectReference{Kind: "Pod", Namespace: a.pod.Namespace, Name: a.pod.Name, UID: a.pod.UID}}
		if a.ready {
			ep.Subsets[i].Addresses = append(ep.Subsets[i].Addresses, ea)
		} else {
			ep.Subsets[i].NotReadyAddresses = append(ep.Subsets[i].NotReadyAddresses, ea)
		}
	}
	return ep
}

// buildSlice is the EndpointSlice of svc. One slice per service holds up
// to the Kubernetes default of 100 endpoints per slice comfortably for a
// lab; larger services still get one slice.
func buildSlice(svc *corev1.Service, addrs []address) *discoveryv1.EndpointSlice {
	s := &discoveryv1.EndpointSlice{ObjectMeta: metav1.ObjectMeta{Name: SliceName(svc), Namespace: svc.Namespace,
		Labels: map[string]string{discoveryv1.LabelServiceName: svc.Name, discoveryv1.LabelManagedBy: ManagedBy},
		OwnerReferences: []metav1.OwnerReference{{APIVersion: "v1", Kind: "Service", Name: svc.Name, UID: svc.UID,
			Controller: ptr(true), BlockOwnerDeletion: ptr(true)}}},
		AddressType: discoveryv1.AddressTypeIPv4, Endpoints: []discoveryv1.Endpoint{}}
	for _, a := range addrs {
		if len(s.Ports) == 0 {
			for _, p := range a.ports {
				s.Ports = append(s.Ports, discoveryv1.EndpointPort{Name: ptr(p.Name), Port: ptr(p.Port), Protocol: ptr(p.Protocol)})
			}
		}
		terminating := a.pod.DeletionTimestamp != nil
		s.Endpoints = append(s.Endpoints, discoveryv1.Endpoint{Addresses: []string{a.pod.Status.PodIP}, NodeName: nodeName(a.pod),
			Conditions: discoveryv1.EndpointConditions{Ready: ptr(a.ready && !terminating), Serving: ptr(a.ready), Terminating: ptr(terminating)},
			TargetRef:  &corev1.ObjectReference{Kind: "Pod", Namespace: a.pod.Namespace, Name: a.pod.Name, UID: a.pod.UID}})
	}
	return s
}

// SliceName is stable per service, so a restart finds the slice it wrote.
func SliceName(svc *corev1.Service) string {
	h := fnv.New32a()
	_, _ = h.Write([]byte(svc.UID))
	return fmt.Sprintf("%s-%05x", svc.Name, h.Sum32()&0xfffff)
}

func nodeName(p *corev1.Pod) *string {
	if p.Spec.NodeName == "" {
		return nil
	}
	return ptr(p.Spec.NodeName)
}

func ptr[T any](v T) *T { return &v }
