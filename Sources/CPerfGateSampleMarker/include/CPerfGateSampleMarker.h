// CPerfGateSampleMarker: a function whose only job is to be called between samples, so that
// valgrind's callgrind, run with --dump-after=perfgate_sample_boundary, writes one profile part per
// sample. Outside valgrind it costs one call.
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

/// Marks the end of a unit of counted work (setup, warm-up or one sample). Never inlined, so the
/// symbol exists for callgrind to match; does nothing.
void perfgate_sample_boundary(void);

#ifdef __cplusplus
}
#endif
