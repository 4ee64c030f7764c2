#!/usr/bin/env bash
# Starts a single-node Slurm cluster on this machine (munged, slurmctld and slurmd on localhost),
# for CI and for developers who want to try `deno task sweep --scheduler slurm --submit`.
#
#   sudo scripts/ci/start_slurm.sh          start (or reuse) the cluster; prints sinfo
#   sudo scripts/ci/start_slurm.sh --stop   stop the daemons this script started
#
# Needs: apt-get install -y slurm-wlm munge (Debian/Ubuntu), and root.
# It writes /etc/slurm/slurm.conf for this machine's cores and memory (from `slurmd -C`), unless
# a slurm.conf that it did not write is already there: then it leaves it alone and just starts
# the daemons. The configuration suits containers: processes tracked by /proc
# (proctrack/linuxproc), no cgroup task plugin, no accounting database (sacct reads the job
# completion log through `sacct --completion`).
set -euo pipefail

CONF_DIR=/etc/slurm
CONF="$CONF_DIR/slurm.conf"
MARK="# Written by scripts/ci/start_slurm.sh"
LOG_DIR=/var/log/slurm
STATE_DIR=/var/spool/slurmctld
SPOOL_DIR=/var/spool/slurmd
WAIT_SECONDS=60

die() {
  echo "start_slurm.sh: $*" >&2
  exit 1
}

stop() {
  for pidfile in /run/slurmd.pid /run/slurmctld.pid /run/munge/munged.pid; do
    if [ -s "$pidfile" ]; then
      pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null && echo "stopped $(basename "$pidfile" .pid) ($pid)" || true
    fi
  done
}

if [ "${1:-}" = "--stop" ]; then
  stop
  exit 0
fi

[ "$(id -u)" -eq 0 ] || die "run as root (it starts munged, slurmctld and slurmd)"
for tool in munged slurmctld slurmd sinfo scontrol; do
  command -v "$tool" >/dev/null 2>&1 ||
    die "$tool is missing: apt-get install -y slurm-wlm munge"
done

# munge: a key, a socket folder, the daemon as the munge user.
if [ ! -s /etc/munge/munge.key ]; then
  if command -v mungekey >/dev/null 2>&1; then
    mungekey --create --keyfile=/etc/munge/munge.key
  else
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none
  fi
  chown munge:munge /etc/munge/munge.key
  chmod 400 /etc/munge/munge.key
fi
mkdir -p /run/munge /var/log/munge /var/lib/munge
chown munge:munge /run/munge /var/log/munge /var/lib/munge
chmod 755 /run/munge
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- munged --force
  for _ in $(seq 1 20); do
    munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break
    sleep 0.5
  done
  munge -n | unmunge >/dev/null || die "munged does not answer: see /var/log/munge/munged.log"
fi

# slurm.conf for this machine.
if [ -f "$CONF" ] && ! grep -qF "$MARK" "$CONF"; then
  echo "Keeping the existing $CONF (not written by this script)"
else
  node=$(slurmd -C | head -n 1)
  cpus=$(sed -n 's/.* CPUs=\([0-9]*\).*/\1/p' <<<"$node")
  sockets=$(sed -n 's/.* SocketsPerBoard=\([0-9]*\).*/\1/p' <<<"$node")
  cores=$(sed -n 's/.* CoresPerSocket=\([0-9]*\).*/\1/p' <<<"$node")
  threads=$(sed -n 's/.* ThreadsPerCore=\([0-9]*\).*/\1/p' <<<"$node")
  memory=$(sed -n 's/.* RealMemory=\([0-9]*\).*/\1/p' <<<"$node")
  [ -n "$cpus" ] && [ -n "$memory" ] || die "could not read CPUs and memory from: $node"
  mkdir -p "$CONF_DIR"
  cat >"$CONF" <<EOF
$MARK for $(nproc) cores and ${memory} MB; delete this file to let it regenerate.
ClusterName=local
SlurmctldHost=localhost
AuthType=auth/munge
SlurmUser=root
SlurmdUser=root
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=$STATE_DIR
SlurmdSpoolDir=$SPOOL_DIR
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=$LOG_DIR/slurmctld.log
SlurmdLogFile=$LOG_DIR/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherFrequency=30
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$LOG_DIR/jobcomp.log
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
MpiDefault=none
MinJobAge=3600
NodeName=localhost CPUs=$cpus SocketsPerBoard=$sockets CoresPerSocket=$cores ThreadsPerCore=$threads RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
  echo "Wrote $CONF: $cpus CPUs, $memory MB"
fi
mkdir -p "$LOG_DIR" "$STATE_DIR" "$SPOOL_DIR"

if ! scontrol ping 2>/dev/null | grep -q "UP"; then
  slurmctld
fi
if ! { [ -s /run/slurmd.pid ] && kill -0 "$(cat /run/slurmd.pid)" 2>/dev/null; }; then
  slurmd
fi

# Wait until the node takes jobs.
for _ in $(seq 1 "$WAIT_SECONDS"); do
  state=$(sinfo -h -N -o "%t" 2>/dev/null | head -n 1 || true)
  case "$state" in
    idle | mix | alloc) break ;;
    down* | drain* | fail*) scontrol update NodeName=localhost State=RESUME 2>/dev/null || true ;;
  esac
  sleep 1
done
state=$(sinfo -h -N -o "%t" 2>/dev/null | head -n 1 || true)
case "$state" in
  idle | mix | alloc) ;;
  *) die "the node is '$state' after ${WAIT_SECONDS} s: see $LOG_DIR/slurmctld.log and slurmd.log" ;;
esac
sinfo
