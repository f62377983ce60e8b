{{/*
Name of every object: the release name when it already says es-netpol (helm install es-netpol ...), so that a
release named es-netpol makes the same names as deploy/; otherwise <release>-es-netpol.
*/}}
{{- define "es-netpol.fullname" -}}
{{- if contains "es-netpol" .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-es-netpol" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The pod labels of deploy/: the operator's NetworkPolicy and the webhook Service select them. */}}
{{- define "es-netpol.selectorLabels" -}}
app.kubernetes.io/name: es-netpol
app.kubernetes.io/component: operator
{{- end -}}

{{- define "es-netpol.labels" -}}
app.kubernetes.io/name: es-netpol
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "es-netpol.webhookServiceName" -}}
{{- printf "%s-webhook" (include "es-netpol.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Least privilege: exactly the verbs the operator uses, the same rules as deploy/operator/rbac.yaml's ClusterRole
(HelmChartTest compares them verb by verb under every values file; DeployManifestsTest pins deploy/'s list). Every resource here is
namespaced, so the same rules serve a ClusterRole (all namespaces) or a Role per watched namespace.
*/}}
{{- define "es-netpol.rules" -}}
- apiGroups: ["eventstreams.ibm.com"]
  resources: ["eventstreams", "kafkaconnects", "kafkamirrormaker2s", "eventstreamsgeoreplicators"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["eventstreams.ibm.com"]
  resources: ["eventstreams/status", "kafkaconnects/status", "kafkamirrormaker2s/status", "eventstreamsgeoreplicators/status"]
  verbs: ["update"]
- apiGroups: ["networking.k8s.io"]
  resources: ["networkpolicies"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
{{- end -}}

{{/* The administrator's cluster-scoped policies: read only (informers), cluster-scoped kinds, so a ClusterRole always. */}}
{{- define "es-netpol.clusterPolicyRules" -}}
- apiGroups: ["policy.networking.k8s.io"]
  resources: ["adminnetworkpolicies", "baselineadminnetworkpolicies", "clusternetworkpolicies"]
  verbs: ["list", "watch"]
{{- end -}}

{{/* DNS ports of the operator's own egress: the operator's default (53) when none are given. */}}
{{- define "es-netpol.dnsPorts" -}}
{{- if .Values.dnsPorts -}}{{ toJson .Values.dnsPorts }}
{{- else if or (eq .Values.platform "openshift") (and (not .Values.platform) (.Capabilities.APIVersions.Has "route.openshift.io/v1")) -}}[53,5353]
{{- else -}}[53]{{- end -}}
{{- end -}}
