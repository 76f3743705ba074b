#include "national.h"

#include <string.h>

const struct ldr_national_group ldr_national_groups[LDR_NATIONAL_GROUPS] = {
	{ "records", "Records, assessments and plans" },
	{ "transfers", "Transfers of care" },
	{ "orders", "Orders and results management" },
	{ "medicines", "Medicines management and optimisation" },
	{ "decisions", "Decision support" },
	{ "remote", "Remote care" },
	{ "assets", "Asset and resource optimisation" },
};

const struct ldr_uc_def ldr_national_ucs[LDR_NATIONAL_UCS] = {
	{ "UC01",
	  "Professionals across care settings can access GP-held information on GP-prescribed "
	  "medications, patient allergies and adverse reactions",
	  "records",
	  { "Information accessed for every patient presenting in an A&E, ambulance or 111 setting "
	    "where this information may inform clinical decisions (including for out-of-area patients)",
	    "Information accessed in community pharmacy and acute pharmacy where it could inform "
	    "clinical decisions" },
	  { NULL, 0, 0, 0 } },
	{ "UC02",
	  "Clinicians in urgent and emergency care settings can access key GP-held information for "
	  "those patients previously identified by GPs as most likely to present (in U&EC)",
	  "records",
	  { "Information available for all patients identified by GPs as most likely to present, "
	    "subject to patient consent, encompassing reason for medication, significant medical "
	    "history, anticipatory care information and immunisations",
	    "Information accessed for every applicable patient presenting in an A&E, ambulance or "
	    "111 setting (including for out-of-area patients)" },
	  { NULL, 0, 0, 0 } },
	{ "UC03", "Patients can access their GP record", "records",
	  { "Access to detailed coded GP records actively offered to patients who would benefit the "
	    "most and where it supports their active management of a long term or complex condition",
	    "Patients who request it are given access to their detailed coded GP record" },
	  { NULL, 0, 0, 0 } },
	{ "UC04", "GPs can refer electronically to secondary care", "transfers",
	  { "Every referral created and transferred electronically",
	    "Every patient presented with information to support their choice of provider",
	    "Every initial outpatient appointment booked for a date and time of the patient's "
	    "choosing (subject to availability)",
	    "By Sep 17: 80% of elective referrals made electronically" },
	  { "elective referrals made electronically", 80, 2017, 9 } },
	{ "UC05", "GPs receive timely electronic discharge summaries from secondary care", "transfers",
	  { "All discharge summaries sent electronically from all acute providers to the GP within "
	    "24 hours",
	    "All discharge summaries shared in the form of structured electronic documents",
	    "All discharge documentation aligned with Academy of Medical Royal Colleges headings" },
	  { NULL, 0, 0, 0 } },
	{ "UC06",
	  "Social care receive timely electronic Assessment, Discharge and Withdrawal Notices from "
	  "acute care",
	  "transfers",
	  { "All Care Act 2014 compliant Assessment, Discharge and associated Withdrawal Notices sent "
	    "electronically from the acute provider to local authority social care within the "
	    "timescales specified in the Act" },
	  { NULL, 0, 0, 0 } },
	{ "UC07",
	  "Clinicians in unscheduled care settings can access child protection information with "
	  "social care professionals notified accordingly",
	  "decisions",
	  { "Child protection information checked for every child or pregnant mother presenting in an "
	    "unscheduled care setting with a potential indicator of the child being at risk "
	    "(including for out-of-area children)",
	    "Indication of child protection plan, looked after child or unborn child protection plan "
	    "(where they exist) flagged to clinician, along with social care contact details",
	    "The social worker of a child on a child protection plan, looked after or on an unborn "
	    "child protection plan receives a notification when that child presents at an "
	    "unscheduled care setting and the clinician accesses the child protection alert in their "
	    "record" },
	  { NULL, 0, 0, 0 } },
	{ "UC08", "Professionals across care settings made aware of end-of-life preference information",
	  "decisions",
	  { "All patients at end-of-life able to express (and change) their preferences to their GP "
	    "and know that this will be available to those involved in their care",
	    "All professionals from local providers involved in end-of-life care of patients (who are "
	    "under the direct care of a GP) access recorded preference information where end-of-life "
	    "status is flagged, known or suspected" },
	  { NULL, 0, 0, 0 } },
	{ "UC09", "GPs and community pharmacists can utilise electronic prescriptions", "medicines",
	  { "All permitted prescriptions electronic",
	    "All prescriptions electronic for patients with and without nominations - for the latter, "
	    "the majority of tokens electronic",
	    "Repeat dispensing done electronically for all appropriate patients",
	    "By end 16/17: 80% of repeat prescriptions to be transmitted electronically" },
	  { "repeat prescriptions transmitted electronically", 80, 2017, 3 } },
	{ "UC10", "Patients can book appointments and order repeat prescriptions from their GP practice",
	  "remote",
	  { "By end 16/17: 10% of patients registered for one or more online services (repeat "
	    "prescriptions, appointment booking or access to record)",
	    "All patients registered for online services use them above alternative channels" },
	  { "patients registered for one or more online services", 10, 2017, 3 } },
};

#define UCP "Universal capabilities delivery plan"
const struct ldr_requirement ldr_checklist[LDR_CHECKLIST_SIZE] = {
	{ "CL01", "General", "Identify who has endorsed the roadmap", "6.2", NULL, LDR_ANSWER_ENDORSED },
	{ "CL02", "General", "Identify which organisations have made significant contributions in the "
	  "development process", "6.2", NULL, LDR_ANSWER_ORGANISATIONS },
	{ "CL03", "General", "Summarise the process through which the roadmap has been developed", "6.3",
	  NULL, LDR_ANSWER_RESPONSE },
	{ "CL04", "Vision", "Vision for digitally enabled transformation", "6.4-6.7", NULL,
	  LDR_ANSWER_RESPONSE },
	{ "CL05", "Baseline position", "Overview of digital maturity of key primary, secondary and "
	  "social care providers", "6.8", NULL, LDR_ANSWER_DMA },
	{ "CL06", "Baseline position", "Summary of key recent achievements", "6.8", NULL,
	  LDR_ANSWER_RESPONSE },
	{ "CL07", "Baseline position", "Summary of key current initiatives", "6.8", NULL,
	  LDR_ANSWER_RESPONSE },
	{ "CL08", "Baseline position", "Identification of rate limiting factors", "6.9", NULL,
	  LDR_ANSWER_RISKS },
	{ "CL09", "Readiness", "Set out leadership, clinical engagement and governance arrangements",
	  "6.10", NULL, LDR_ANSWER_RESPONSE },
	{ "CL10", "Readiness", "Identification of change management approach(es) / model(s) to be "
	  "followed", "6.11", NULL, LDR_ANSWER_RESPONSE },
	{ "CL11", "Readiness", "Identification of approach to benefits management and measurement",
	  "6.12", NULL, LDR_ANSWER_RESPONSE },
	{ "CL12", "Readiness", "Identification of known, anticipated and target sources of investment",
	  "6.13", NULL, LDR_ANSWER_FUNDING },
	{ "CL13", "Readiness", "Overview of programme / project structure for 16/17", "6.14", NULL,
	  LDR_ANSWER_PROJECTS },
	{ "CL14", "Readiness", "Outline of how resources can be utilised more effectively", "6.15",
	  NULL, LDR_ANSWER_RESPONSE },
	{ "CL15", "Capability deployment", "Identification of current maturity for each of the 7 "
	  "PF@PoC capabilities", "6.16", NULL, LDR_ANSWER_MATURITY },
	{ "CL16", "Capability deployment", "Capability deployment schedule", "6.17-6.18",
	  "Capability deployment schedule", LDR_ANSWER_SCHEDULE },
	{ "CL17", "Capability deployment", "Capability deployment trajectory (secondary care)", "6.23",
	  "Capability deployment trajectory (secondary care)", LDR_ANSWER_TRAJECTORY },
	{ "CL18", UCP, "Current baseline (for each universal capability)", "6.27", UCP,
	  LDR_ANSWER_UC_BASELINE },
	{ "CL19", UCP, "Ambition (for each universal capability)", "6.28", UCP, LDR_ANSWER_UC_AMBITION },
	{ "CL20", UCP, "Key activities (for each universal capability)", "6.29", UCP,
	  LDR_ANSWER_UC_ACTIVITIES },
	{ "CL21", UCP, "Rationale for using alternatives to national services / infrastructure / "
	  "standards (for each universal capability)", "6.29", UCP, LDR_ANSWER_UC_RATIONALE },
	{ "CL22", UCP, "Proposals for evidencing progress towards the defined aims (for each "
	  "universal capability)", "6.30", UCP, LDR_ANSWER_UC_EVIDENCE },
	{ "CL23", "Information sharing", "Information sharing approach", "6.33",
	  "Information sharing approach", LDR_ANSWER_RESPONSE },
	{ "CL24", "Information sharing", "Plans for a common information sharing agreement with all "
	  "providers signed up", "6.35", NULL, LDR_ANSWER_RESPONSE },
	{ "CL25", "Information sharing", "Current status of adoption of NHS number / steps to address "
	  "gaps / gaps that will persist into 17/18", "6.36", NULL, LDR_ANSWER_RESPONSE },
	{ "CL26", "Information sharing", "Plans and milestones for adoption of information sharing "
	  "standards", "6.37", NULL, LDR_ANSWER_RESPONSE },
	{ "CL27", "Infrastructure", "Current status of the mobile working infrastructure", "6.40", NULL,
	  LDR_ANSWER_RESPONSE },
	{ "CL28", "Infrastructure", "Confirmation that individual providers have plans to develop their "
	  "mobile working infrastructure", "6.41", NULL, LDR_ANSWER_RESPONSE },
	{ "CL29", "Infrastructure", "Description of system-wide initiatives to develop the mobile "
	  "working infrastructure", "6.41", NULL, LDR_ANSWER_RESPONSE },
	{ "CL30", "Infrastructure", "Current status and future plans to improve collaboration between "
	  "professionals from different organisations", "6.43", NULL, LDR_ANSWER_RESPONSE },
	{ "CL31", "Infrastructure", "Summary of current or planned initiatives to share infrastructure",
	  "6.44", NULL, LDR_ANSWER_RESPONSE },
	{ "CL32", "Minimising risks arising from technology", "Confirmation that robust plans, "
	  "policies and procedures in place across the system to minimise risks / steps to address "
	  "gaps", "6.46", NULL, LDR_ANSWER_RESPONSE },
	{ "CL33", "Minimising risks arising from technology", "Confirmation that individual providers "
	  "are moving forward with GS1 adoption", "6.47", NULL, LDR_ANSWER_RESPONSE },
};

const struct ldr_requirement *ldr_requirement(const char *id)
{
	size_t i;
	if (id[0] != 'C' || id[1] != 'L')
		return NULL; /* most ids: the loader asks of every one */
	for (i = 0; i < LDR_CHECKLIST_SIZE; i++)
		if (strcmp(ldr_checklist[i].id, id) == 0)
			return &ldr_checklist[i];
	return NULL;
}

const struct ldr_national_group *ldr_national_group(const char *id)
{
	size_t i;
	for (i = 0; i < LDR_NATIONAL_GROUPS; i++)
		if (strcmp(ldr_national_groups[i].id, id) == 0)
			return &ldr_national_groups[i];
	return NULL;
}

const struct ldr_uc_def *ldr_national_uc(const char *id)
{
	size_t i;
	if (id[0] != 'U' || id[1] != 'C')
		return NULL;
	for (i = 0; i < LDR_NATIONAL_UCS; i++)
		if (strcmp(ldr_national_ucs[i].id, id) == 0)
			return &ldr_national_ucs[i];
	return NULL;
}
