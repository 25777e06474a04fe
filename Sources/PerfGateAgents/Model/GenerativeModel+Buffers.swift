/// Raw read-only views of a model's arrays, valid only inside ``GenerativeModel/withBuffers(_:)``.
struct ModelBuffers {
    let likelihood: UnsafeBufferPointer<Double>
    let transitions: UnsafeBufferPointer<Double>
    let logLikelihoodRows: UnsafeBufferPointer<Double>
    let ambiguityPerState: UnsafeBufferPointer<Double>
    let logPreferredObservations: UnsafeBufferPointer<Double>
    let states: Int
    let observations: Int

    /// The offset of action `action`'s S×S matrix inside `transitions`.
    @inline(__always)
    func transitionOffset(action: Int) -> Int {
        action * states * states
    }
}

extension GenerativeModel {
    /// Calls `body` with raw views of the model's arrays, so kernels run without bounds checks or copies.
    func withBuffers<Result>(_ body: (ModelBuffers) -> Result) -> Result {
        likelihood.withUnsafeBufferPointer { likelihood in
            transitions.withUnsafeBufferPointer { transitions in
                logLikelihoodRows.withUnsafeBufferPointer { logRows in
                    ambiguityPerState.withUnsafeBufferPointer { ambiguity in
                        logPreferredObservations.withUnsafeBufferPointer { logPreferred in
                            body(
                                ModelBuffers(
                                    likelihood: likelihood,
                                    transitions: transitions,
                                    logLikelihoodRows: logRows,
                                    ambiguityPerState: ambiguity,
                                    logPreferredObservations: logPreferred,
                                    states: size.states,
                                    observations: size.observations
                                )
                            )
                        }
                    }
                }
            }
        }
    }
}
