# Retro Coach · 复盘教练: one replica. compose.yaml runs several behind nginx with PostgreSQL and a
# Chroma server; alone it runs on the embedded SQLite + Chroma under /data.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    COACH_HOME=/data \
    ANONYMIZED_TELEMETRY=False \
    HF_HUB_OFFLINE=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY coach coach
COPY vectorstore vectorstore
COPY prompts prompts
RUN pip install '.[postgres]' && coach doctor && rm -rf /data/coach.db* /data/vectorstore

RUN useradd --system --home /data coach && mkdir -p /data && chown coach /data
USER coach
VOLUME /data
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s CMD python -c "import httpx; httpx.get('http://127.0.0.1:8000/healthz').raise_for_status()"
# a wide bind needs API keys (docs/security.md): create one first, `docker compose run --rm coach keys create …`
CMD ["coach", "serve", "--host", "0.0.0.0", "--port", "8000"]
