# Commit ids and dates, for the transcripts of histories made on today's
# clock (tests/cli/data/facts.sh): they change on every run.
s/[0-9a-f]{40}/<commit>/g
s/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}/<date>/g
s/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} [+-][0-9]{4}/<date>/g
s/[0-9]{4}-[0-9]{2}-[0-9]{2}/<day>/g
s/([ (])[0-9a-f]{7}([:),])/\1<id>\2/g
s/,[0-9a-f]{7},/,<id>,/g
