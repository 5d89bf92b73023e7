package e2e

const deployV1 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: demo
  labels: {app: demo}
spec:
  replicas: 2
  selector:
    matchLabels: {app: demo}
  template:
    metadata:
      labels: {app: demo}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 80
`

const podManifest = `apiVersion: v1
kind: Pod
metadata:
  name: p1
  labels: {app: p}
spec:
  containers:
  - name: main
    image: busybox
    ports:
    - containerPort: 8080
`

const unknownFieldPod = `apiVersion: v1
kind: Pod
metadata:
  name: p2
spec:
  foo: bar
  containers:
  - name: a
    image: b
`

const serviceManifest = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: demo}
  ports:
  - port: 80
    targetPort: 8080
`
