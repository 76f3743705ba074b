# An earlier plan of Derbyshire, for the baseline Gantt chart: some projects
# were to end sooner (so they have slipped since), one later, one started
# later, and P51 is not in it.
/^- id: P12$/,/^- id:/s|^  end: 17/18 Q4$|  end: 17/18 Q2|
/^- id: P14$/,/^- id:/s|^  end: 17/18 Q4$|  end: 17/18 Q1|
/^- id: P25$/,/^- id:/s|^  end: 18/19 Q2$|  end: 18/19 Q4|
/^- id: P46$/,/^- id:/s|^  start: 17/18 Q1$|  start: 17/18 Q2|
/^- id: P51$/,/^capabilities:$/{/^capabilities:$/!d}
