#pragma once
// Placeholder: replaced by the harness work.
