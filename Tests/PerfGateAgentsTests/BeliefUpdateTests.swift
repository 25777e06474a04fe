import PerfGateAgents
import Testing

struct BeliefUpdateTests {}
