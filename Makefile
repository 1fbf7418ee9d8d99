# The two commands a fresh clone needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test schema bench bench-detect clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

demo: $(INSTALLED)
	mkdir -p out
	$(BIN)/minutes validate samples/*.yaml samples/series/*/
	$(BIN)/minutes render samples/contract-performance-group.yaml -o out/contract-performance-group.docx
	$(BIN)/minutes action-log samples/series/estates-steering-group -o out/estates-action-log.docx --as-of 2026-08-20
	$(BIN)/minutes action-log samples/series/estates-steering-group -o out/estates-action-log.xlsx --as-of 2026-08-20
	$(BIN)/minutes action-log samples/series/estates-steering-group -o out/estates-action-plan.docx --as-of 2026-08-20 --layout action-plan
	$(BIN)/minutes action-log samples/series/estates-steering-group -o out/estates-action-plan.xlsx --as-of 2026-08-20 --layout action-plan
	$(BIN)/minutes actions samples/series/estates-steering-group --as-of 2026-08-20 --format ics -o out/estates-actions.ics
	$(BIN)/minutes render samples/series/quality-and-safety-committee -o out/quality-and-safety-committee
	$(BIN)/minutes action-log samples/series/quality-and-safety-committee -o out/quality-and-safety-action-log.xlsx --as-of 2026-12-18
	$(BIN)/minutes scan samples/contract-performance-group.yaml
	$(BIN)/minutes release samples/contract-performance-group.yaml -o out/contract-performance-group.release.docx --by "minutes-kit demo"
	$(BIN)/minutes release samples/contract-performance-group.yaml -o out/contract-performance-group.review.docx --review
	$(BIN)/minutes foi-response samples/foi/request.yaml -o out/foi-response.docx
	$(BIN)/minutes foi-pack samples/foi/request.yaml -o out/foi-pack --by "minutes-kit demo"
	@echo "Rendered into out/"

test: $(INSTALLED)
	$(BIN)/python -m pytest

schema: $(INSTALLED)
	$(BIN)/minutes schema --into schemas

bench: $(INSTALLED)
	$(BIN)/python bench/targets.py
	$(BIN)/python bench/render_speed.py
	$(BIN)/python bench/performance_speed.py
	$(BIN)/python bench/actions_register.py
	$(BIN)/python bench/release_speed.py
	$(BIN)/python bench/release_ratio.py
	$(BIN)/python bench/document_release.py
	$(BIN)/python bench/pdf_batch.py

# The detector against Microsoft Presidio on the four corpora of bench/ (synthetic, synthetic
# held-out, real-prose development and held-out); Presidio is installed for the benchmark only
# (the `bench` extra), never by `make test`.
bench-detect: $(INSTALLED)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/detect_benchmark.py

clean:
	rm -rf $(VENV) out
