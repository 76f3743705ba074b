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
	for (i = 0; i < LDR_NATIONAL_UCS; i++)
		if (strcmp(ldr_national_ucs[i].id, id) == 0)
			return &ldr_national_ucs[i];
	return NULL;
}
