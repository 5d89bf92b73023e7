package rest

import (
	"strconv"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/kubus-dev/kubus/resources"
)

// fieldSupported lists the field selectors kube-apiserver accepts per kind.
func fieldSupported(res resources.Resource, f string) bool {
	if f == "metadata.name" || f == "metadata.namespace" {
		return true
	}
	_, ok := kindFields[res.Kind][f]
	return ok
}

var kindFields = map[string]map[string]bool{
	"Pod": {"spec.nodeName": true, "spec.restartPolicy": true, "spec.schedulerName": true, "spec.serviceAccountName": true,
		"spec.hostNetwork": true, "status.phase": true, "status.podIP": true, "status.nominatedNodeName": true},
	"Event": {"involvedObject.kind": true, "involvedObject.namespace": true, "involvedObject.name": true, "involvedObject.uid": true,
		"involvedObject.apiVersion": true, "involvedObject.resourceVersion": true, "involvedObject.fieldPath": true,
		"reason": true, "reportingComponent": true, "source": true, "type": true},
	"Secret":                {"type": true},
	"Namespace":             {"status.phase": true},
	"Node":                  {"spec.unschedulable": true},
	"ReplicationController": {"status.replicas": true},
	"ReplicaSet":            {"status.replicas": true},
}

// fieldSet is the selectable fields of an object.
func fieldSet(obj runtime.Object) fields.Set {
	m, _ := meta.Accessor(obj)
	set := fields.Set{"metadata.name": m.GetName(), "metadata.namespace": m.GetNamespace()}
	switch o := obj.(type) {
	case *corev1.Pod:
		podFields(set, o)
	case *corev1.Event:
		eventFields(set, o)
	case *corev1.Secret:
		set["type"] = string(o.Type)
	case *corev1.Namespace:
		set["status.phase"] = string(o.Status.Phase)
	case *corev1.Node:
		set["spec.unschedulable"] = strconv.FormatBool(o.Spec.Unschedulable)
	case *corev1.ReplicationController:
		set["status.replicas"] = strconv.Itoa(int(o.Status.Replicas))
	case *appsv1.ReplicaSet:
		set["status.replicas"] = strconv.Itoa(int(o.Status.Replicas))
	}
	return set
}

func podFields(set fields.Set, p *corev1.Pod) {
	set["spec.nodeName"] = p.Spec.NodeName
	set["spec.restartPolicy"] = string(p.Spec.RestartPolicy)
	set["spec.schedulerName"] = p.Spec.SchedulerName
	set["spec.serviceAccountName"] = p.Spec.ServiceAccountName
	set["spec.hostNetwork"] = strconv.FormatBool(p.Spec.HostNetwork)
	set["status.phase"] = string(p.Status.Phase)
	set["status.podIP"] = p.Status.PodIP
	set["status.nominatedNodeName"] = p.Status.NominatedNodeName
}

func eventFields(set fields.Set, e *corev1.Event) {
	io := e.InvolvedObject
	set["involvedObject.kind"] = io.Kind
	set["involvedObject.namespace"] = io.Namespace
	set["involvedObject.name"] = io.Name
	set["involvedObject.uid"] = string(io.UID)
	set["involvedObject.apiVersion"] = io.APIVersion
	set["involvedObject.resourceVersion"] = io.ResourceVersion
	set["involvedObject.fieldPath"] = io.FieldPath
	set["reason"] = e.Reason
	set["reportingComponent"] = e.ReportingController
	set["source"] = e.Source.Component
	set["type"] = e.Type
}
