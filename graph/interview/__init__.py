"""The interview as a LangGraph state machine: state, nodes, edges and the builder."""
